import { Alert, App, Col, Row } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useMe } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { getApplication } from '../../applications/api.ts';
import { HistoryCard } from '../../applications/components/history-card.tsx';
import { SubmissionsCard } from '../../applications/components/submissions-card.tsx';
import { getCall } from '../../programs/api.ts';
import { getInbox } from '../api.ts';
import { attachedFiles } from '../attachments.ts';
import { ApplicationSections } from '../components/application-sections.tsx';
import { AttachmentsCard } from '../components/attachments-card.tsx';
import { DecisionPanel, type DecisionOutcome } from '../components/decision-panel.tsx';
import { ReviewHeader } from '../components/review-header.tsx';
import { usePreparedAnswers } from '../use-prepared-answers.ts';

const DONE: Record<DecisionOutcome, 'rec.decision.passedDone' | 'rec.decision.rejectedDone' | 'rec.decision.returnedDone'> = {
  passed: 'rec.decision.passedDone',
  rejected: 'rec.decision.rejectedDone',
  returned: 'rec.decision.returnedDone',
};

/** /review/applications/:id: the whole application read-only, its versions and history, and the decision panel. */
export function ReviewApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const detail = useRequest((signal) => getApplication(id, signal), [id]);
  const callId = detail.data?.application.callId;
  const pack = useRequest((signal) => (callId ? getCall(callId, signal) : Promise.resolve(null)), [callId]);
  const inbox = useRequest((signal) => (callId ? getInbox(callId, signal) : Promise.resolve(null)), [callId]);
  const form = pack.data?.forms.find((f) => f.id === detail.data?.application.formId);
  const prepared = usePreparedAnswers(form, detail.data?.answers);
  const files = useMemo(() => (form && prepared ? attachedFiles(form, prepared.answers, prepared.hidden) : []), [form, prepared]);

  const failed = detail.error ?? pack.error ?? inbox.error;
  if (failed !== undefined) {
    return (
      <ErrorView
        error={failed}
        onRetry={() => {
          detail.reload();
          pack.reload();
          inbox.reload();
        }}
      />
    );
  }
  if (!detail.data || !pack.data || !inbox.data || detail.data.application.id !== id) return <PageLoading />;
  const a = detail.data.application;
  if (!form) return <Alert type="error" showIcon message={t('rec.review.formMissing', { form: a.formId })} />;
  if (!prepared) return <PageLoading />;

  const item = inbox.data.items.find((i) => i.application.id === id);
  const backTo = `/review?callId=${encodeURIComponent(a.callId)}`;
  const ownRecommender = a.recommenderOrganisationId === me.organisation.id;

  return (
    <>
      <ReviewHeader detail={detail.data} item={item} form={form} backTo={backTo} />
      <Row gutter={16}>
        <Col xs={24} xl={16} style={{ minWidth: 0 }}>
          <ApplicationSections
            applicationId={a.id}
            program={pack.data.program}
            form={form}
            answers={prepared.answers}
            hidden={prepared.hidden}
            warnings={item?.warnings ?? []}
            returnedFields={a.status === 'returned' ? (detail.data.returnOpinion?.fields ?? []) : []}
          />
          <AttachmentsCard applicationId={a.id} files={files} />
          <SubmissionsCard applicationId={a.id} submissions={detail.data.submissions} program={pack.data.program} form={form} />
          <HistoryCard events={detail.data.events} form={form} />
        </Col>
        <Col xs={24} xl={8}>
          <div style={{ position: 'sticky', top: 16 }}>
            {item ? (
              <DecisionPanel
                key={`${a.id}:${a.status}:${item.decision?.decidedAt ?? ''}`}
                application={a}
                decision={item.decision}
                checklist={inbox.data.checklist}
                form={form}
                canReturn={ownRecommender && a.status === 'submitted' && !item.decision}
                onDone={(outcome) => {
                  message.success(t(DONE[outcome]));
                  navigate(backTo);
                }}
              />
            ) : (
              <Alert type="info" showIcon message={t('rec.review.notInInbox')} data-testid="review-not-in-inbox" />
            )}
          </div>
        </Col>
      </Row>
    </>
  );
}
