import type { ApplicationStatus } from '@shenbao/contracts';
import { conflict } from '../../platform/errors.ts';

/** The application state machine (申报状态): which event moves which state where. */
export const TRANSITIONS = {
  submit: { from: ['draft', 'returned', 'withdrawn'], to: 'submitted' },
  withdraw: { from: ['submitted'], to: 'withdrawn' }, // only before the recommender acts
  return: { from: ['submitted'], to: 'returned' },
} as const satisfies Record<string, { from: readonly ApplicationStatus[]; to: ApplicationStatus }>;
export type ApplicationTransition = keyof typeof TRANSITIONS;

/** States in which the applicant may edit answers and files. */
export const EDITABLE: readonly ApplicationStatus[] = ['draft', 'returned', 'withdrawn'];

const REFUSALS: Record<ApplicationTransition, string> = {
  submit: '当前状态不能提交',
  withdraw: '只有已提交、推荐单位尚未处理的申报可以撤回',
  return: '只有已提交、尚未处理的申报可以退回修改',
};

export function transition(status: ApplicationStatus, event: ApplicationTransition): ApplicationStatus {
  const t = TRANSITIONS[event];
  if (!(t.from as readonly string[]).includes(status)) throw conflict(REFUSALS[event]);
  return t.to;
}

export const isEditable = (status: ApplicationStatus) => EDITABLE.includes(status);
