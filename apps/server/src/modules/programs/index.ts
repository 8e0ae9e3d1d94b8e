export { syncPacks, listCalls, getCall } from './service.ts';
export { loadAllPacks, loadPack, PackError } from './loader.ts';
export { programRoutes } from './routes.ts';
