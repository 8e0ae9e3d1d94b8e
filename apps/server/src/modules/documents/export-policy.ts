import { hasRole } from '../../platform/context.ts';
import { registerPolicy } from '../identity/index.ts';

/**
 * 批量导出: the call's owner (主管部门经办人 of the issuing department or above) exports the whole call or one
 * recommender's applications; a 推荐单位审核人 exports its own jurisdiction (and, in the province round, what its
 * cities recommended). Which applications go in is decided in SQL from the job's scope.
 */
registerPolicy<{ ownsCall: boolean; recommends: boolean }>(
  'export.create',
  (actor, r) => (hasRole(actor, 'program_officer') && r.ownsCall) || (hasRole(actor, 'recommender_reviewer') && r.recommends),
);

/** A job, its progress, its cancel and its file belong to the person who asked for it. */
registerPolicy<{ requestedBy: string }>('export.read', (actor, job) => job.requestedBy === actor.userId, { adminOverride: false });
registerPolicy<{ requestedBy: string }>('export.cancel', (actor, job) => job.requestedBy === actor.userId, { adminOverride: false });
