import { ArrowLeftOutlined, FilePdfOutlined, StopOutlined } from '@ant-design/icons';
import type { ExpertAssignmentDetail } from '@shenbao/contracts';
import { Alert, App, Button, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import type { Answers } from '../../../forms/form-model.ts';
import { Mono } from '../../../ui/mono.tsx';
import { ReasonModal } from '../../../ui/reason-modal.tsx';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { getCall } from '../../programs/api.ts';
import { usePreparedAnswers } from '../../recommendations/use-prepared-answers.ts';
import { assignmentDocumentUrl, declareConflict, getAssignment } from '../api.ts';
import { ApplicationSections } from '../components/application-sections.tsx';
import { ScoreSheetForm } from '../components/score-sheet-form.tsx';

/** The submitted application, read-only, in the pack's form (the same sections the recommender reviewed). */
function ApplicationView({ detail }: { detail: ExpertAssignmentDetail }) {
  const { t } = useI18n();
  const application = detail.application;
  const pack = useRequest((signal) => (application ? getCall(application.callId, signal) : Promise.resolve(null)), [application?.callId]);
  const form = pack.data?.forms.find((f) => f.id === application?.formId);
  const prepared = usePreparedAnswers(form, application?.answers as Answers | undefined);
  if (!application) return <Alert type="info" showIcon message={t('expert.applicationClosed')} data-testid="application-closed" />;
  if (pack.error !== undefined) return <ErrorView error={pack.error} onRetry={pack.reload} />;
  if (!pack.data) return <PageLoading />;
  if (!form) return <Alert type="error" showIcon message={t('rec.review.formMissing', { form: application.formId })} />;
  if (!prepared) return <PageLoading />;
  return (
    <div data-testid="expert-application">
      <ApplicationSections assignmentId={detail.assignment.id} program={pack.data.program} form={form} answers={prepared.answers} hidden={prepared.hidden} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('expert.snapshot')} <Mono>{application.sha256}</Mono>
      </Typography.Text>
    </div>
  );
}

/** /expert/assignments/:id: the application on the left, the score sheet on the right; 申明回避 when the expert has a conflict. */
export function ScorePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const loaded = useRequest((signal) => getAssignment(id, signal), [id]);
  const [detail, setDetail] = useState<ExpertAssignmentDetail | undefined>(undefined);
  const [declaring, setDeclaring] = useState(false);
  useEffect(() => setDetail(loaded.data), [loaded.data]);

  if (loaded.error !== undefined) return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  if (!detail || detail.assignment.id !== id) return <PageLoading />;
  const a = detail.assignment;
  const callId = detail.application?.callId;
  const backTo = callId ? `/expert/calls/${encodeURIComponent(callId)}` : '/expert';

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Space wrap>
            <Link to={backTo}>
              <Button icon={<ArrowLeftOutlined />} data-testid="score-back">
                {t('expert.back')}
              </Button>
            </Link>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="score-project">
              {a.projectName ?? t('applications.untitled')}
            </Typography.Title>
            <Tag color={a.submittedAt ? 'success' : 'default'}>{t(a.submittedAt ? 'expert.submitted' : 'expert.notSubmitted')}</Tag>
          </Space>
          <Space wrap>
            {detail.application && (
              <Button icon={<FilePdfOutlined />} href={assignmentDocumentUrl(a.id)} data-testid="score-document">
                {t('expert.document')}
              </Button>
            )}
            {!a.submittedAt && detail.callStatus === 'scoring' && (
              <Button danger icon={<StopOutlined />} onClick={() => setDeclaring(true)} data-testid="declare-conflict">
                {t('expert.declare')}
              </Button>
            )}
          </Space>
        </Space>
        <Typography.Text type="secondary">
          {a.applicantName}
          {a.directionLabel ? ` · ${a.directionLabel}` : ''}
          {a.number ? ` · ${a.number}` : ''}
        </Typography.Text>
      </Card>
      {detail.callStatus === 'closed' && <Alert type="info" showIcon message={t('expert.closedOwnOnly')} />}
      <Row gutter={16}>
        <Col xs={24} xl={14} style={{ minWidth: 0 }}>
          <ApplicationView detail={detail} />
        </Col>
        <Col xs={24} xl={10}>
          <div style={{ position: 'sticky', top: 16, maxHeight: 'calc(100vh - 32px)', overflowY: 'auto' }} data-testid="score-column">
            {detail.rubric ? (
              <ScoreSheetForm key={`${a.id}:${a.submittedAt ?? ''}`} detail={detail} rubric={detail.rubric} onSaved={setDetail} />
            ) : (
              <Alert type="warning" showIcon message={t('expert.noRubric')} />
            )}
          </div>
        </Col>
      </Row>
      <ReasonModal
        open={declaring}
        title={t('expert.declareTitle')}
        intro={t('expert.declareIntro', { applicant: a.applicantName })}
        reasonLabel={t('expert.declareReason')}
        reasonLengthMessage={t('sel.reasonLength')}
        maxLength={2000}
        okText={t('expert.declare')}
        testId="declare"
        onClose={() => setDeclaring(false)}
        onSubmit={async (reason) => {
          await declareConflict(a.id, { reason });
          message.success(t('expert.declaredDone'));
          navigate(backTo);
        }}
      />
    </Space>
  );
}
