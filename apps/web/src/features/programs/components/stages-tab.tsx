import type { ProgramPack } from '@shenbao/contracts';
import { Space, Steps, Tag, Typography, type StepsProps } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateMinute } from '../../../ui/format.ts';
import { useServerNow } from '../../../ui/server-clock.ts';
import type { CallTabProps } from '../pack-index.ts';

type Stage = ProgramPack['stages'][number];
type StepStatus = NonNullable<StepsProps['status']>;

function Line({ label, children }: { label: string; children: ReactNode }) {
  const colon = useI18n().t('common.colon');
  return (
    <div>
      <Typography.Text type="secondary">
        {label}
        {colon}
      </Typography.Text>
      {children}
    </div>
  );
}

function endOf(stage: Stage): string | undefined {
  return stage.extension?.until ?? stage.closes;
}

/**
 * Step states by the server's clock: the server names the current stage; a stage is done when it, or any stage
 * after it, has closed (stages run in order, and most have no dates of their own).
 */
function statuses(stages: readonly Stage[], currentId: string | undefined, now: number): StepStatus[] {
  const closed = stages.map((s) => {
    const end = endOf(s);
    return end !== undefined && Date.parse(end) <= now;
  });
  const current = stages.findIndex((s) => s.id === currentId);
  const reached = Math.max(current, closed.lastIndexOf(true));
  return stages.map((_s, i) => (i === current ? 'process' : i <= reached ? 'finish' : 'wait'));
}

/** 流程与时间: the stages in order, their dates in Beijing time, the current one highlighted. */
export function StagesTab({ pack, offsetMs }: CallTabProps) {
  const { t } = useI18n();
  const { program, forms, call } = pack;
  const now = useServerNow(offsetMs, 30_000);
  const currentId = call.currentStage?.id;

  const status = statuses(program.stages, currentId, now);
  const items: StepsProps['items'] = program.stages.map((stage, i) => {
    const stageForms = forms.filter((f) => (f.stage ?? 'application') === stage.id);
    return {
      status: status[i],
      title: (
        <Space size={8}>
          <span>{stage.label}</span>
          {stage.id === currentId && <Tag color="processing">{t('stages.current')}</Tag>}
        </Space>
      ),
      description: (
        <div style={{ paddingBottom: 12, color: 'rgba(0,0,0,0.75)' }} data-testid={`stage-${stage.id}`}>
          {stage.opens && <Line label={t('stages.opens')}>{formatDateMinute(stage.opens)}</Line>}
          {stage.closes && (
            <Line label={t('stages.closes')}>
              <Typography.Text strong>{formatDateMinute(stage.closes)}</Typography.Text>
            </Line>
          )}
          {stage.extension && (
            <div>
              <Typography.Text type="warning">{t('stages.extension', { time: formatDateMinute(stage.extension.until) })}</Typography.Text>
            </div>
          )}
          {stage.deadlineRule && <Line label={t('stages.deadlineRule')}>{stage.deadlineRule}</Line>}
          {stage.note && <Line label={t('stages.note')}>{stage.note}</Line>}
          {stageForms.length > 0 && <Line label={t('stages.forms')}>{stageForms.map((f) => f.title).join('；')}</Line>}
        </div>
      ),
    };
  });

  return (
    <div data-testid="call-stages">
      <Typography.Paragraph type="secondary">{t('stages.serverTime', { time: formatDateMinute(new Date(now).toISOString()) })}</Typography.Paragraph>
      <Steps direction="vertical" size="small" items={items} />
    </div>
  );
}
