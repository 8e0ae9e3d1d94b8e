import { LockOutlined, NotificationOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginBody } from '@shenbao/contracts';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth/auth-provider.tsx';
import type { LoginRedirectState } from '../../../app/auth/guards.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { LanguageSwitch } from '../../../app/language-switch.tsx';
import { CenteredCard } from '../../../ui/centered-card.tsx';
import { login } from '../api.ts';

function redirectState(state: unknown): LoginRedirectState {
  return typeof state === 'object' && state !== null ? (state as LoginRedirectState) : {};
}

export function LoginPage() {
  const { status, signIn } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const state = redirectState(location.state);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  // Only go back to pages inside the app, never to an address someone put in the state.
  const target = state.from?.startsWith('/') && !state.from.startsWith('//') ? state.from : '/';
  if (status === 'signed-in') return <Navigate to={target} replace />;

  const onFinish = async (values: LoginBody) => {
    setSubmitting(true);
    setError(null);
    try {
      signIn(await login(values));
      navigate(target, { replace: true });
    } catch (cause) {
      // 401 wrong credentials, 423 locked (message says until when), 429 too many attempts.
      setError(cause instanceof Error ? cause.message : t('login.failed'));
      setSubmitting(false);
    }
  };

  return (
    <CenteredCard
      title={
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="login-title">
          {t('app.title')}
        </Typography.Title>
      }
      extra={<LanguageSwitch />}
    >
      {state.notice && <Alert type="success" showIcon message={state.notice} style={{ marginBottom: 16 }} />}
      {state.expired && !error && (
        <Alert type="warning" showIcon message={t('common.sessionExpired')} style={{ marginBottom: 16 }} />
      )}
      {error && (
        <Alert type="error" showIcon message={t('login.failed')} description={error} style={{ marginBottom: 16 }} data-testid="login-error" />
      )}
      <Form<LoginBody> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={submitting}>
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, whitespace: true, message: t('common.enter', { field: t('login.username') }) }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('common.enter', { field: t('login.password') }) }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        {t('login.hint')}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
        <Link to="/open-calls" data-testid="login-open-calls">
          <NotificationOutlined /> {t('login.openCalls')}
        </Link>
      </Typography.Paragraph>
    </CenteredCard>
  );
}
