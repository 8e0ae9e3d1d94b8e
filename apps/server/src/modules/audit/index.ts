export { recordEvent, listAuditEvents, verifyAuditChain, type AuditEntry } from './service.ts';
export { canonicalJson } from './hash.ts';
export { auditRoutes } from './routes.ts';
