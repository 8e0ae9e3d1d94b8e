import type { SubmitResult, Violation } from '@shenbao/contracts';
import { useRef, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { randomUuid } from '../../ui/uuid.ts';
import { submitApplication } from './api.ts';

/** A submission the server refused (422 rules_failed): its message and findings stand until the next change. */
export interface Refusal {
  message: string;
  violations: Violation[];
}

export interface Submission {
  open: boolean;
  submitting: boolean;
  /** Anything but a rules refusal (deadline passed, network): shown in the dialog, which stays open for a retry. */
  error: string | null;
  refusal: Refusal | null;
  clearRefusal: () => void;
  /** 提交 clicked: the dialog opens with a fresh idempotency key once `prepare` (saving every section) succeeded. */
  start: (prepare: () => Promise<boolean>) => Promise<boolean>;
  cancel: () => void;
  confirm: () => Promise<void>;
}

/**
 * 提交 with the commitment: one idempotency key per click of 提交, reused when the same dialog retries after a lost
 * answer, so the server returns the first result instead of submitting twice.
 */
export function useSubmission(applicationId: string, onSubmitted: (result: SubmitResult) => void, onRefused: (refusal: Refusal) => void): Submission {
  const [open, setOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const key = useRef<string | null>(null);

  const start = async (prepare: () => Promise<boolean>) => {
    if (!(await prepare())) return false;
    key.current = randomUuid();
    setError(null);
    setOpen(true);
    return true;
  };

  const confirm = async () => {
    const idempotencyKey = key.current ?? randomUuid();
    key.current = idempotencyKey;
    setSubmitting(true);
    setError(null);
    try {
      const result = await submitApplication(applicationId, { idempotencyKey, commitmentAccepted: true });
      setOpen(false);
      onSubmitted(result);
    } catch (cause) {
      if (isApiError(cause) && cause.code === 'rules_failed') {
        const refused: Refusal = {
          message: cause.message,
          violations: cause.fields.map((f) => ({ ruleId: 'submission', path: f.path, message: f.message, severity: 'error' as const })),
        };
        setOpen(false);
        setRefusal(refused);
        onRefused(refused);
      } else {
        setError(cause instanceof Error ? cause.message : String(cause));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return { open, submitting, error, refusal, clearRefusal: () => setRefusal(null), start, cancel: () => setOpen(false), confirm };
}
