export { applicationRoutes } from './routes.ts';
export {
  snapshotHash,
  applicationsOfRecommender,
  applicationRows,
  applicationSummaries,
  latestSubmission,
  ruleFindings,
  recordReviewOutcome,
} from './service.ts';
export type { ApplicationRow } from './store.ts';
