import type { ApplicationDetail, SubmitResult } from '@shenbao/contracts';
import { Alert } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { getCall } from '../../programs/api.ts';
import { getApplication } from '../api.ts';
import { ApplicationWorkspace } from '../components/application-workspace.tsx';
import { SubmittedModal } from '../components/submitted-modal.tsx';

/** /applications/:id: the editor when the application may be edited, the read-only view otherwise. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [detail, setDetail] = useState<ApplicationDetail | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [submitted, setSubmitted] = useState<SubmitResult | null>(null);

  const load = useCallback(async () => {
    const fresh = await getApplication(id);
    setDetail(fresh);
    return fresh;
  }, [id]);

  useEffect(() => {
    setDetail(null);
    setError(undefined);
    load().catch(setError);
  }, [load]);

  const callId = detail?.application.callId;
  const pack = useRequest((signal) => (callId ? getCall(callId, signal) : Promise.resolve(null)), [callId]);

  if (error !== undefined) return <ErrorView error={error} onRetry={() => void load().catch(setError)} />;
  if (pack.error !== undefined) return <ErrorView error={pack.error} onRetry={pack.reload} />;
  if (!detail || !pack.data || pack.data.call.id !== detail.application.callId) return <PageLoading />;
  const form = pack.data.forms.find((f) => f.id === detail.application.formId);
  if (!form) return <Alert type="error" showIcon message={t('editor.formMissing', { form: detail.application.formId })} />;

  return (
    <>
      {/* A new status (submitted, withdrawn, returned) starts a fresh workspace from the server's answers. */}
      <ApplicationWorkspace
        key={`${detail.application.id}:${detail.application.status}:${detail.submissions.length}`}
        detail={detail}
        pack={pack.data}
        form={form}
        reload={load}
        onSubmitted={(result) => {
          setSubmitted(result);
          void load().catch(setError);
        }}
      />
      <SubmittedModal result={submitted} onClose={() => setSubmitted(null)} />
    </>
  );
}
