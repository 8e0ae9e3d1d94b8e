import type { CallSummary } from '@shenbao/contracts';
import { useMemo } from 'react';
import { useRequest } from '../../api/use-request.ts';
import { useMe } from '../../app/auth/auth-provider.tsx';
import { listCalls } from '../programs/api.ts';
import { listReviewApplications } from './api.ts';
import { callChoices, type CallChoices } from './call-choices.ts';

export interface CallChoicesState {
  choices: CallChoices | undefined;
  /** The call chosen by default: the first one with applications for this organisation, else the first call. */
  defaultCall: CallSummary | undefined;
  /** The latest serverTime of the call list, for countdowns by the server's clock. */
  serverTime: string | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** The calls to choose from on 审核推荐 and 推荐情况. */
export function useCallChoices(): CallChoicesState {
  const me = useMe();
  const { data, error, loading, reload } = useRequest(
    async (signal) => {
      const [calls, applications] = await Promise.all([listCalls(signal), listReviewApplications(signal)]);
      return { calls: calls.items, applications: applications.items };
    },
    [],
  );
  const choices = useMemo(() => (data ? callChoices(data.calls, data.applications, me) : undefined), [data, me]);
  const defaultCall = choices ? (choices.related.find((call) => choices.counts.has(call.id)) ?? choices.related[0] ?? choices.others[0]) : undefined;
  return { choices, defaultCall, serverTime: data?.calls[0]?.serverTime, error, loading, reload };
}
