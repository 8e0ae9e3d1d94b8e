import { ExclamationCircleOutlined } from '@ant-design/icons';
import type { PackField, Violation } from '@shenbao/contracts';
import { Col, Form, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../app/i18n/i18n-provider.tsx';
import { useFormRenderer } from './form-context.tsx';
import { FieldBody } from './field-body.tsx';
import { FieldLimitsHint } from './field-limits-hint.tsx';
import { isBlank } from './form-model.ts';
import { prefersRadios } from './inputs/choice-inputs.tsx';

/** Fields that need the whole width of the section. */
function isWide(field: PackField): boolean {
  switch (field.type) {
    case 'table':
    case 'attachment':
    case 'multiChoice':
      return true;
    case 'text':
      return field.multiline === true;
    case 'choice':
      return prefersRadios(field) ? field.options.length > 4 || field.options.some((o) => (typeof o === 'string' ? o : o.label).length > 12) : false;
    default:
      return false;
  }
}

export const fieldAnchor = (fieldId: string) => `field-${fieldId}`;

function Messages({ errors, warnings, testId }: { errors: Violation[]; warnings: Violation[]; testId: string }) {
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <div data-testid={`${testId}-issues`}>
      {errors.map((v, i) => (
        <div key={`e${i}`} data-severity="error">
          <Typography.Text type="danger">{v.message}</Typography.Text>
        </div>
      ))}
      {warnings.map((v, i) => (
        <div key={`w${i}`} data-severity="warning">
          <Typography.Text type="warning">{v.message}</Typography.Text>
        </div>
      ))}
    </div>
  );
}

/** One field of a pack form: the notice's label and hint, the input (or the answer, read-only), its findings. */
export function FieldItem({ field, sectionId }: { field: PackField; sectionId: string }) {
  const { t } = useI18n();
  const ctx = useFormRenderer();
  if (ctx.hidden.has(field.id)) return null;
  const testId = `input-${field.id}`;
  const value = ctx.answers[field.id];
  const all = ctx.issues.get(field.id) ?? [];
  // Findings on an untouched, empty field would paint a fresh form red: they wait for the first edit or 检查.
  const shown = ctx.revealAll || ctx.touched.has(field.id) || !isBlank(value) ? all : [];
  const errors = shown.filter((v) => v.severity === 'error');
  const warnings = shown.filter((v) => v.severity === 'warning');
  const status = errors.length > 0 ? 'error' : warnings.length > 0 ? 'warning' : undefined;
  const opinion = ctx.opinionFields.has(field.id);
  const label = (
    <span>
      {field.label}
      {field.type === 'computed' && (
        <Tag color="default" style={{ marginInlineStart: 8 }}>
          {t('form.computed')}
        </Tag>
      )}
      {opinion && (
        <Tooltip title={ctx.opinion}>
          <Tag color="orange" icon={<ExclamationCircleOutlined />} style={{ marginInlineStart: 8 }} data-testid={`opinion-${field.id}`}>
            {t('form.opinionHere')}
          </Tag>
        </Tooltip>
      )}
    </span>
  );

  return (
    <Col xs={24} lg={isWide(field) ? 24 : 12} id={fieldAnchor(field.id)} data-testid={`field-${field.id}`} data-section={sectionId}>
      <Form.Item
        label={label}
        required={!ctx.readOnly && ctx.required.has(field.id)}
        validateStatus={ctx.readOnly ? undefined : status}
        help={ctx.readOnly || errors.length + warnings.length === 0 ? undefined : <Messages errors={errors} warnings={warnings} testId={testId} />}
        extra={ctx.readOnly ? undefined : <FieldLimitsHint field={field} required={ctx.required.has(field.id)} />}
        style={opinion ? { background: '#fff7e6', padding: '4px 8px', borderRadius: 4 } : undefined}
      >
        {opinion && ctx.opinion && (
          <div style={{ marginBottom: 6 }}>
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('form.opinionText', { opinion: ctx.opinion })}
            </Typography.Text>
          </div>
        )}
        <FieldBody field={field} status={status} issues={all} testId={testId} />
      </Form.Item>
    </Col>
  );
}
