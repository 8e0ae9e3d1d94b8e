export { syncPacks, listCalls, getCall, findCallRecord, effectiveStages, applicationDeadline, type EffectiveStage } from './service.ts';
export { listRowsOf as callListRows, callsIssuedBy } from './store.ts';
export { loadAllPacks, loadPack, PackError } from './loader.ts';
export { programRoutes } from './routes.ts';
