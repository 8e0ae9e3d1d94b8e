import { FormOutlined, LoginOutlined } from '@ant-design/icons';
import type { CallSummary, Me } from '@shenbao/contracts';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n, type Translate } from '../../../app/i18n/i18n-provider.tsx';
import type { Labels } from '../../../app/i18n/labels.ts';
import { formatCalendarDate, formatDateMinute } from '../../../ui/format.ts';
import { Section } from '../../../ui/section.tsx';
import { StartApplicationModal } from '../../applications/components/start-application-modal.tsx';
import { getCall, type CallPack } from '../api.ts';
import { DeadlineCountdown } from './deadline-countdown.tsx';
import { EligibilitySelfCheck, selfCheckPassed, type SelfCheckAnswers } from './eligibility-self-check.tsx';

/** Why 开始申报 is not offered, or null when it is. */
function startBlocker(call: CallSummary, pack: CallPack | undefined, me: Me | null, passed: boolean, t: Translate, labels: Labels): string | null {
  if (call.application.phase === 'extension') return t('openCalls.extensionOnly');
  if (!me) return t('openCalls.signInFirst');
  if (!me.user.roles.includes('applicant_admin')) {
    return t(me.user.roles.includes('applicant_filler') ? 'openCalls.fillerCannotStart' : 'openCalls.notApplicant');
  }
  if (pack && !(pack.program.applicantKinds as readonly string[]).includes(me.organisation.kind)) {
    return t('openCalls.kindExcluded', { kind: labels.kind(me.organisation.kind) });
  }
  if (!passed) return t('openCalls.selfCheckFirst');
  return null;
}

interface OpenCallCardProps {
  call: CallSummary;
  me: Me | null;
  offsetMs: number;
}

/** One call in its application period: the notice's particulars, the countdown, the self-check and 开始申报. */
export function OpenCallCard({ call, me, offsetMs }: OpenCallCardProps) {
  const { t, labels } = useI18n();
  const navigate = useNavigate();
  const { data: pack, error } = useRequest((signal) => getCall(call.id, signal), [call.id]);
  const [answers, setAnswers] = useState<SelfCheckAnswers>({});
  const [starting, setStarting] = useState(false);
  const questions = pack?.program.eligibility.questions ?? [];
  const passed = pack !== undefined && selfCheckPassed(questions, answers);
  const blocker = startBlocker(call, pack, me, passed, t, labels);
  const deadline = call.application.phase === 'extension' ? call.application.extensionUntil : call.application.closes;
  const testId = `open-call-${call.id}`;

  return (
    <Card data-testid={testId} style={{ marginBottom: 16 }}>
      <Space direction="vertical" size={4} style={{ width: '100%', marginBottom: 16 }}>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {call.title}
          </Typography.Title>
          <Tag color={call.application.phase === 'open' ? 'green' : 'orange'}>{t(`openCalls.phase.${call.application.phase}`)}</Tag>
        </Space>
        {call.shortTitle && <Typography.Text type="secondary">{call.shortTitle}</Typography.Text>}
      </Space>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('calls.issuer')}>{call.issuerName}</Descriptions.Item>
        <Descriptions.Item label={t('calls.documentNumber')}>
          <span data-testid={`${testId}-document-number`}>{call.documentNumber ?? t('common.empty')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('call.issueDate')}>{formatCalendarDate(call.issueDate)}</Descriptions.Item>
        <Descriptions.Item label={t('openCalls.deadline')}>
          {deadline ? (
            <Space direction="vertical" size={0}>
              <span>{formatDateMinute(deadline)}</span>
              <DeadlineCountdown closes={deadline} offsetMs={offsetMs} />
            </Space>
          ) : (
            t('openCalls.noDeadline')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('openCalls.categories')} span={2}>
          <Space wrap size={[4, 4]}>
            {call.categories.map((label) => (
              <Tag key={label} color="blue">
                {label}
              </Tag>
            ))}
            <Typography.Text type="secondary">{t('categories.directionCount', { n: call.directionCount })}</Typography.Text>
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {pack?.program.summary && <Typography.Paragraph>{pack.program.summary}</Typography.Paragraph>}

      <Section title={t('selfCheck.title')}>
        {error !== undefined ? (
          <Alert type="error" showIcon message={error instanceof Error ? error.message : String(error)} />
        ) : !pack ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('selfCheck.intro')}</Typography.Paragraph>
            <EligibilitySelfCheck
              questions={questions}
              answers={answers}
              onAnswer={(id, value) => setAnswers((a) => ({ ...a, [id]: value }))}
              testId={`${testId}-self-check`}
            />
          </>
        )}
      </Section>

      <Space wrap align="center">
        {me ? (
          <Button type="primary" icon={<FormOutlined />} disabled={blocker !== null || !pack} onClick={() => setStarting(true)} data-testid={`${testId}-start`}>
            {t('openCalls.start')}
          </Button>
        ) : (
          <Link to="/login" state={{ from: '/open-calls' }}>
            <Button type="primary" icon={<LoginOutlined />} data-testid={`${testId}-sign-in`}>
              {t('openCalls.signInToStart')}
            </Button>
          </Link>
        )}
        {me && (
          <Link to={`/calls/${call.id}`} data-testid={`${testId}-details`}>
            {t('openCalls.details')}
          </Link>
        )}
        {blocker && (
          <Typography.Text type="secondary" data-testid={`${testId}-blocker`}>
            {blocker}
          </Typography.Text>
        )}
      </Space>
      {pack && me && (
        <StartApplicationModal
          open={starting}
          pack={pack}
          organisationId={me.organisation.id}
          onClose={() => setStarting(false)}
          onCreated={(detail) => navigate(`/applications/${detail.application.id}`)}
        />
      )}
    </Card>
  );
}
