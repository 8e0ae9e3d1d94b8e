import type { ApplicationStatus } from '@shenbao/contracts';
import type { MessageKey } from '../../app/i18n/messages.ts';

/** Tag colours of the application states (antd preset colours). */
export const STATUS_COLOURS: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  withdrawn: 'default',
  passed: 'success',
  rejected: 'error',
  recommended: 'green',
  admitted: 'cyan',
  excluded: 'error',
  selected: 'gold',
  not_selected: 'default',
};

const EVENT_LABELS: Record<string, MessageKey> = {
  created: 'event.created',
  submitted: 'event.submitted',
  resubmitted: 'event.resubmitted',
  returned: 'event.returned',
  withdrawn: 'event.withdrawn',
  passed: 'event.passed',
  rejected: 'event.rejected',
  // The names the recommendations module records.
  review_passed: 'event.passed',
  review_rejected: 'event.rejected',
  recommended: 'event.recommended',
  recommendation_reopened: 'event.reopened',
};

/** The history's name for an event type; unknown types (added later on the server) show as they are. */
export function eventLabel(type: string): MessageKey | null {
  return EVENT_LABELS[type] ?? null;
}
