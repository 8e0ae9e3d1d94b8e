export { recordEvent, listAuditEvents, verifyAuditChain, type AuditEntry } from './service.ts';
export { auditRoutes } from './routes.ts';
