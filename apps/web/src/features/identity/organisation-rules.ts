import { LEGAL_PERSON_KINDS, isValidCreditCode, isWellFormedDivisionCode, type OrganisationKind } from '@shenbao/contracts';
import type { MessageKey } from '../../app/i18n/messages.ts';

// Client-side checks of the organisation form; the server checks the same again.

const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export function creditCodeRequired(kind: OrganisationKind | undefined): boolean {
  return kind !== undefined && LEGAL_PERSON_KINDS.includes(kind);
}

/** The message key for a bad credit code, or null when it is acceptable. */
export function creditCodeProblem(value: string, kind: OrganisationKind | undefined): MessageKey | null {
  if (!value) return creditCodeRequired(kind) ? 'org.creditCodeRequired' : null;
  if (!CREDIT_CODE_SHAPE.test(value)) return 'org.creditCodeFormat';
  if (!isValidCreditCode(value)) return 'org.creditCodeInvalid';
  return null;
}

export function divisionCodeProblem(value: string): MessageKey | null {
  return isWellFormedDivisionCode(value) ? null : 'org.divisionCodeInvalid';
}
