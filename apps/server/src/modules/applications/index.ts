export { applicationRoutes } from './routes.ts';
export {
  getApplication,
  snapshotHash,
  applicationsOfRecommender,
  applicationRows,
  applicationSummaries,
  latestSubmission,
  ruleFindings,
  recordReviewOutcome,
  filesOfApplication,
} from './service.ts';
export type { ApplicationRow } from './store.ts';
export { submissionsByNumber } from './store.ts';
