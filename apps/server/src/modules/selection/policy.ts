import { hasRole } from '../../platform/context.ts';
import { registerPolicy } from '../identity/index.ts';

/** 主管部门经办人 of the call's issuer (or above it) runs the selection; a platform admin may not act for it. */
registerPolicy<{ ownsCall: boolean }>('selection.manage', (actor, r) => hasRole(actor, 'program_officer') && r.ownsCall, { adminOverride: false });

/** 评审专家: only its own, non-conflicted assignments. */
registerPolicy<{ expertUserId: string; conflicted: boolean }>('selection.review', (actor, r) => hasRole(actor, 'expert') && actor.userId === r.expertUserId && !r.conflicted, {
  adminOverride: false,
});
