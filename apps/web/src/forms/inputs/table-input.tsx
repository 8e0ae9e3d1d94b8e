import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProgramPack, Violation } from '@shenbao/contracts';
import { Button, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../app/i18n/i18n-provider.tsx';
import type { Answers, FieldOfType } from '../form-model.ts';
import type { AttachmentAdapter } from '../form-context.tsx';
import { answerText, fileList } from '../value-format.ts';
import { AttachmentInput, AttachmentList } from './attachment-input.tsx';
import { ScalarInput } from './scalar-input.tsx';

interface TableInputProps {
  program: ProgramPack;
  field: FieldOfType<'table'>;
  /** The rows as typed. */
  value: unknown;
  /** The rows with computed columns filled (shown read-only). */
  computedRows: unknown;
  onChange: (rows: Answers[] | undefined) => void;
  onBlur?: () => void;
  issues: readonly Violation[];
  readOnly: boolean;
  /** For attachment columns: files go to the slot "<table>.<column>" and into the row with the next save. */
  attachments?: AttachmentAdapter;
  testId: string;
}

interface Row {
  key: number;
  index: number;
  values: Answers;
  computed: Answers;
}

function rowsOf(value: unknown): Answers[] {
  return Array.isArray(value) ? value.map((row) => (typeof row === 'object' && row !== null ? (row as Answers) : {})) : [];
}

/** 可重复表格: add and remove rows; computed columns show the engine's values and cannot be typed. */
export function TableInput({ program, field, value, computedRows, onChange, onBlur, issues, readOnly, attachments, testId }: TableInputProps) {
  const { t } = useI18n();
  const rows = rowsOf(value);
  const computed = rowsOf(computedRows);
  const unit = field.rowLabel ?? t('form.row');
  const canAdd = !readOnly && (field.maxRows === undefined || rows.length < field.maxRows);

  const setCell = (index: number, columnId: string, cell: unknown) => {
    const next = rows.map((row, i) => {
      if (i !== index) return row;
      const copy = { ...row };
      if (cell === undefined) delete copy[columnId];
      else copy[columnId] = cell;
      return copy;
    });
    onChange(next);
  };
  const cellIssue = (index: number, columnId: string) =>
    issues.find((v) => v.path === `/${field.id}/${index}/${columnId}` && v.severity === 'error') ??
    issues.find((v) => v.path === `/${field.id}/${index}/${columnId}`);

  const columns: TableColumnsType<Row> = [
    { title: t('form.seq'), key: 'seq', width: 56, align: 'center', render: (_v, row) => row.index + 1 },
    ...field.columns.map((column) => ({
      title: column.label,
      key: column.id,
      render: (_v: unknown, row: Row) => {
        if (column.type === 'computed') return answerText(column, row.computed[column.id], program);
        if (column.type === 'attachment') {
          const files = fileList(row.values[column.id]);
          if (readOnly || !attachments) return <AttachmentList files={files} fileUrl={attachments?.fileUrl} testId={`${testId}-${row.index}-${column.id}`} compact />;
          return (
            <AttachmentInput
              field={column}
              slotId={`${field.id}.${column.id}`}
              applicationId={attachments.applicationId}
              files={files}
              fileUrl={attachments.fileUrl}
              compact
              onUploaded={(fileId, file) => {
                if (fileId) setCell(row.index, column.id, [...files, { fileId, name: file.name, size: file.size, sha256: '', mime: file.type }]);
              }}
              onRemove={(fileId) => setCell(row.index, column.id, files.filter((f) => f.fileId !== fileId))}
              testId={`${testId}-${row.index}-${column.id}`}
            />
          );
        }
        if (readOnly) return answerText(column, row.values[column.id], program);
        const issue = cellIssue(row.index, column.id);
        const input = (
          <ScalarInput
            program={program}
            field={column}
            value={row.values[column.id]}
            onChange={(cell) => setCell(row.index, column.id, cell)}
            onBlur={onBlur}
            status={issue ? issue.severity : undefined}
            compact
            testId={`${testId}-${row.index}-${column.id}`}
          />
        );
        return issue ? <Tooltip title={issue.message}>{input}</Tooltip> : input;
      },
    })),
    ...(readOnly
      ? []
      : [
          {
            title: '',
            key: 'remove',
            width: 48,
            render: (_v: unknown, row: Row) => (
              <Tooltip title={t('form.removeRow')}>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('form.removeRow')}
                  onClick={() => onChange(rows.filter((_r, i) => i !== row.index))}
                  data-testid={`${testId}-remove-${row.index}`}
                />
              </Tooltip>
            ),
          },
        ]),
  ];

  return (
    <div data-testid={testId}>
      <Table<Row>
        size="small"
        bordered
        pagination={false}
        rowKey="key"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Typography.Text type="secondary">{t('form.noRows')}</Typography.Text> }}
        dataSource={rows.map((values, index) => ({ key: index, index, values, computed: computed[index] ?? values }))}
        columns={columns}
      />
      {!readOnly && (
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          disabled={!canAdd}
          onClick={() => onChange([...rows, {}])}
          style={{ marginTop: 8 }}
          data-testid={`${testId}-add`}
        >
          {t('form.addRow', { unit })}
        </Button>
      )}
    </div>
  );
}
