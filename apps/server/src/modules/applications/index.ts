export { applicationRoutes } from './routes.ts';
export { snapshotHash } from './service.ts';
