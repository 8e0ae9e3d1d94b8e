export { projectRoutes } from './routes.ts';
/** For the applications module: bans every call's eligibility sees, and what became of earlier applications. */
export { banFacts, projectFactsOfApplications, sendReportReminders } from './service.ts';
