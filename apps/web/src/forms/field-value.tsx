import type { PackField, ProgramPack } from '@shenbao/contracts';
import { Table, Typography } from 'antd';
import type { Answers } from './form-model.ts';
import { AttachmentList } from './inputs/attachment-input.tsx';
import { answerText, fileList } from './value-format.ts';

interface FieldValueProps {
  program: ProgramPack;
  field: PackField;
  value: unknown;
  fileUrl?: (fileId: string) => string;
  testId: string;
}

/** An answer read-only: text as written (line breaks kept), tables as tables, files as download links. */
export function FieldValue({ program, field, value, fileUrl, testId }: FieldValueProps) {
  if (field.type === 'attachment') {
    const files = fileList(value);
    return files.length > 0 ? <AttachmentList files={files} fileUrl={fileUrl} testId={testId} /> : <Typography.Text type="secondary">—</Typography.Text>;
  }
  if (field.type === 'table') {
    const rows = Array.isArray(value) ? (value as Answers[]) : [];
    return (
      <Table<Answers & { __index: number }>
        size="small"
        bordered
        pagination={false}
        rowKey="__index"
        scroll={{ x: 'max-content' }}
        dataSource={rows.map((row, i) => ({ ...row, __index: i }))}
        columns={[
          { title: '序号', key: 'seq', width: 56, align: 'center', render: (_v, row) => row.__index + 1 },
          ...field.columns.map((column) => ({ title: column.label, key: column.id, render: (_v: unknown, row: Answers) => answerText(column, row[column.id], program) })),
        ]}
        data-testid={testId}
      />
    );
  }
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid={testId}>
      {answerText(field, value, program)}
    </Typography.Paragraph>
  );
}
