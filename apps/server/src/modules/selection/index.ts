export { selectionRoutes } from './routes.ts';
export { conflictEntries, activeConflictSet, conflictKey, FORMER_EMPLOYER_YEARS, type Applicant } from './conflicts.ts';
export { expertsOfPools, poolsAvailableTo, type ExpertRecord } from './store.ts';
export { rubricOf, type Rubric } from './access.ts';
export { weightedTotal, checkSheet } from './scoring.ts';
