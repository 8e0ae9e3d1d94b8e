import type { PackForm, ProgramPack, VersionDiff } from '@shenbao/contracts';
import { Table, Typography } from 'antd';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { findField } from '../../../forms/form-model.ts';
import { answerText, looseText } from '../../../forms/value-format.ts';
import { ErrorView } from '../../../ui/status-views.tsx';
import { diffSubmissions } from '../api.ts';

type Change = VersionDiff['changes'][number];

/** A changed value as the form prints it; table cells by their column's definition. */
function changeText(change: Change, value: unknown, program: ProgramPack, form: PackForm): string {
  const [fieldId, , columnId] = change.path.split('/').filter(Boolean);
  const field = fieldId ? findField(form, fieldId) : undefined;
  if (!field) return looseText(value);
  if (field.type === 'table' && columnId) {
    const column = field.columns.find((c) => c.id === columnId);
    return column ? answerText(column, value, program) : looseText(value);
  }
  return field.type === 'table' ? looseText(value) : answerText(field, value, program);
}

/** 版本对比: field by field between two submissions. */
export function DiffTable({ applicationId, from, to, program, form }: { applicationId: string; from: number; to: number; program: ProgramPack; form: PackForm }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useRequest((signal) => diffSubmissions(applicationId, from, to, signal), [applicationId, from, to]);
  if (error !== undefined) return <ErrorView error={error} onRetry={reload} />;
  return (
    <Table<Change>
      rowKey="path"
      size="small"
      bordered
      loading={loading}
      pagination={false}
      dataSource={data?.changes ?? []}
      locale={{ emptyText: t('submissions.noChanges') }}
      data-testid="diff-table"
      columns={[
        { title: t('submissions.field'), dataIndex: 'label', width: 220 },
        {
          title: t('submissions.before', { n: from }),
          key: 'before',
          render: (_v, c) => <Typography.Text delete type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{changeText(c, c.before, program, form)}</Typography.Text>,
        },
        {
          title: t('submissions.after', { n: to }),
          key: 'after',
          render: (_v, c) => <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{changeText(c, c.after, program, form)}</Typography.Text>,
        },
      ]}
    />
  );
}
