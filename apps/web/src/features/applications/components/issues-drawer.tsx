import type { PackForm, Violation } from '@shenbao/contracts';
import { Alert, Drawer, List, Result, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { fieldIdOfPath, findField, sectionIndex } from '../../../forms/form-model.ts';

interface IssuesDrawerProps {
  open: boolean;
  onClose: () => void;
  violations: readonly Violation[];
  form: PackForm;
  /** A message above the list (a refused submission says so). */
  notice?: string | null;
  onJump: (fieldId: string) => void;
}

interface Row {
  key: string;
  violation: Violation;
  fieldId: string | null;
  fieldLabel: string;
  sectionTitle: string;
  order: number;
}

/** 问题清单: every error and warning, in form order, errors first; a click goes to the field. */
export function IssuesDrawer({ open, onClose, violations, form, notice, onJump }: IssuesDrawerProps) {
  const { t } = useI18n();
  const sections = sectionIndex(form);
  const order = new Map(form.sections.flatMap((s) => s.fields.map((f) => f.id)).map((id, i) => [id, i]));
  const rows: Row[] = violations
    .map((violation, i) => {
      const fieldId = fieldIdOfPath(violation.path);
      const field = fieldId ? findField(form, fieldId) : undefined;
      return {
        key: `${i}`,
        violation,
        fieldId: field ? field.id : null,
        fieldLabel: field?.label ?? violation.path,
        sectionTitle: (fieldId && sections.get(fieldId)?.title) || t('issues.general'),
        order: (fieldId ? order.get(fieldId) : undefined) ?? Number.MAX_SAFE_INTEGER,
      };
    })
    .sort((a, b) => (a.violation.severity === b.violation.severity ? a.order - b.order : a.violation.severity === 'error' ? -1 : 1));
  const errors = rows.filter((r) => r.violation.severity === 'error').length;

  return (
    <Drawer open={open} onClose={onClose} width={520} title={t('issues.title')} data-testid="issues-drawer">
      {notice && <Alert type="error" showIcon message={notice} style={{ marginBottom: 16 }} data-testid="issues-notice" />}
      {rows.length === 0 ? (
        <div data-testid="issues-empty">
          <Result status="success" title={t('issues.none')} subTitle={t('issues.noneDetail')} />
        </div>
      ) : (
        <div data-testid="issues-list">
          <Typography.Paragraph data-testid="issues-summary">{t('issues.summary', { errors, warnings: rows.length - errors })}</Typography.Paragraph>
          <List<Row>
            size="small"
            dataSource={rows}
            renderItem={(row) => (
              <List.Item
                onClick={() => {
                  if (row.fieldId) onJump(row.fieldId);
                }}
                style={{ cursor: row.fieldId ? 'pointer' : 'default' }}
                data-testid="issue-item"
                data-severity={row.violation.severity}
                data-path={row.violation.path}
              >
                <Space direction="vertical" size={2}>
                  <Space size={6} wrap>
                    <Tag color={row.violation.severity === 'error' ? 'red' : 'gold'}>{t(`severity.${row.violation.severity}`)}</Tag>
                    <Typography.Text type="secondary">{row.sectionTitle}</Typography.Text>
                    <Typography.Text strong>{row.fieldLabel}</Typography.Text>
                  </Space>
                  <Typography.Text type={row.violation.severity === 'error' ? 'danger' : 'warning'}>{row.violation.message}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </div>
      )}
    </Drawer>
  );
}
