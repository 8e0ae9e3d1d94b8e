import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { LoginRedirectState } from '../../../app/auth/guards.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { LanguageSwitch } from '../../../app/language-switch.tsx';
import { CenteredCard } from '../../../ui/centered-card.tsx';
import { applyServerErrors } from '../../../ui/form-errors.ts';
import { acceptInvitation } from '../api.ts';

const MIN_PASSWORD_LENGTH = 10;

interface PasswordForm {
  password: string;
  confirm: string;
}

/** /invitation?token=…: the invited user sets a password; the account becomes active. */
export function InvitationPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordForm>();
  const [errors, setErrors] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async ({ password }: PasswordForm) => {
    setSubmitting(true);
    setErrors([]);
    try {
      await acceptInvitation({ token, password });
      const state: LoginRedirectState = { notice: t('invitation.done') };
      navigate('/login', { replace: true, state });
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, ['password']));
      setSubmitting(false);
    }
  };

  return (
    <CenteredCard
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('invitation.title')}
        </Typography.Title>
      }
      extra={<LanguageSwitch />}
    >
      {!token ? (
        <Result status="warning" subTitle={t('invitation.noToken')} extra={<Link to="/login">{t('invitation.toLogin')}</Link>} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('invitation.intro')}</Typography.Paragraph>
          {errors.length > 0 && (
            <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 16 }} data-testid="invitation-error" />
          )}
          <Form<PasswordForm> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={submitting}>
            <Form.Item
              name="password"
              label={t('invitation.password')}
              rules={[
                { required: true, message: t('common.enter', { field: t('invitation.password') }) },
                { min: MIN_PASSWORD_LENGTH, message: t('invitation.tooShort') },
              ]}
              hasFeedback
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="new-password" autoFocus />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('invitation.confirm')}
              dependencies={['password']}
              hasFeedback
              rules={[
                { required: true, message: t('common.enter', { field: t('invitation.confirm') }) },
                ({ getFieldValue }) => ({
                  validator: (_rule, value: string | undefined) =>
                    !value || getFieldValue('password') === value
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('invitation.mismatch'))),
                }),
              ]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              {t('invitation.submit')}
            </Button>
          </Form>
        </>
      )}
    </CenteredCard>
  );
}
