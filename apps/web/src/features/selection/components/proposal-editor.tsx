import type { ProposeBody, SelectionItem, SelectionView } from '@shenbao/contracts';
import { Alert, App, Button, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { Mono } from '../../../ui/mono.tsx';
import { proposeSelection } from '../api.ts';
import { byScoreDesc, formatScore } from '../scores.ts';
import { CeilingsPanel, liveCeilings } from './ceilings-panel.tsx';
import { DirectionCell } from './direction-cell.tsx';

interface ProposalEditorProps {
  callId: string;
  view: SelectionView;
  onSaved: (next: SelectionView) => void;
  /** Whether the list differs from what the server holds (审定 waits until it is saved). */
  onDirtyChange: (dirty: boolean) => void;
}

/** 拟定入选名单: choose from the admitted applications, ordered by score, with the outcome when the pack has several. */
export function ProposalEditor({ callId, view, onSaved, onDirtyChange }: ProposalEditorProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const saved = view.selection?.items ?? [];
  const defaultOutcome = view.outcomes[0]?.id;
  const [chosen, setChosen] = useState<string[]>(() => saved.map((i) => i.applicationId));
  const [outcomes, setOutcomes] = useState<Record<string, string>>(() => Object.fromEntries(saved.filter((i) => i.outcome).map((i) => [i.applicationId, i.outcome!])));
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const eligible = useMemo(() => [...view.eligible].sort(byScoreDesc), [view.eligible]);
  const multipleOutcomes = view.outcomes.length > 1;

  // Selected ones keep the order of the eligible list (by score), which is the order of the published list.
  const ordered = eligible.filter((item) => chosen.includes(item.applicationId)).map((item) => item.applicationId);
  const dirty =
    ordered.join() !== saved.map((i) => i.applicationId).join() ||
    (multipleOutcomes && saved.some((i) => (outcomes[i.applicationId] ?? defaultOutcome) !== (i.outcome ?? defaultOutcome)));
  const ceilings = liveCeilings(view.ceilings, eligible.filter((item) => chosen.includes(item.applicationId)));

  const change = (next: string[]) => {
    setChosen(next);
    onDirtyChange(true);
  };

  const save = async () => {
    const body: ProposeBody = {
      version: view.selection?.version ?? 0,
      items: ordered.map((applicationId) => (multipleOutcomes ? { applicationId, outcome: outcomes[applicationId] ?? defaultOutcome } : { applicationId })),
    };
    setSaving(true);
    setErrors([]);
    try {
      const next = await proposeSelection(callId, body);
      message.success(t('sel.decision.proposedDone', { n: ordered.length }));
      onDirtyChange(false);
      onSaved(next);
    } catch (cause) {
      setErrors([cause instanceof Error ? cause.message : String(cause)]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="proposal-editor">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <CeilingsPanel ceilings={ceilings} />
        <Space>
          <Typography.Text data-testid="proposal-count">{t('sel.decision.chosenCount', { n: ordered.length, total: eligible.length })}</Typography.Text>
          <Button type="primary" onClick={() => void save()} loading={saving} disabled={!dirty && view.selection !== null} data-testid="proposal-save">
            {t('sel.decision.saveProposal')}
          </Button>
        </Space>
      </Space>
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} data-testid="proposal-error" />}
      {dirty && view.selection && <Alert type="warning" showIcon message={t('sel.decision.unsaved')} style={{ marginBottom: 12 }} />}
      <Table<SelectionItem>
        rowKey="applicationId"
        size="middle"
        dataSource={eligible}
        pagination={false}
        scroll={{ x: 1030 }}
        locale={{ emptyText: t('sel.decision.noEligible') }}
        rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => change(keys.map(String)) }}
        data-testid="proposal-table"
        columns={[
          { title: t('sel.decision.scoreRank'), key: 'rank', width: 76, align: 'center', render: (_v, _i, index) => index + 1 },
          { title: t('applications.number'), key: 'number', width: 130, render: (_v, i) => <Mono>{i.number ?? t('common.empty')}</Mono> },
          { title: t('applications.projectName'), key: 'project', width: 240, render: (_v, i) => <span data-testid="proposal-project">{i.projectName ?? t('applications.untitled')}</span> },
          { title: t('sel.col.enterprise'), dataIndex: 'applicantName', width: 180 },
          { title: t('sel.col.recommender'), key: 'recommender', width: 160, render: (_v, i) => i.recommenderName ?? t('common.empty') },
          { title: t('sel.col.direction'), key: 'direction', width: 130, render: (_v, i) => <DirectionCell label={i.directionLabel} /> },
          { title: t('sel.decision.score'), key: 'score', width: 80, align: 'right', render: (_v, i) => <Typography.Text strong>{formatScore(i.score)}</Typography.Text> },
          ...(multipleOutcomes
            ? [
                {
                  title: t('sel.decision.outcome'),
                  key: 'outcome',
                  width: 240,
                  render: (_v: unknown, i: SelectionItem) =>
                    chosen.includes(i.applicationId) ? (
                      <Select
                        size="small"
                        style={{ width: '100%' }}
                        value={outcomes[i.applicationId] ?? defaultOutcome}
                        options={view.outcomes.map((o) => ({ value: o.id, label: o.label }))}
                        onChange={(value: string) => {
                          setOutcomes((current) => ({ ...current, [i.applicationId]: value }));
                          onDirtyChange(true);
                        }}
                        data-testid={`proposal-outcome-${i.applicationId}`}
                      />
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
