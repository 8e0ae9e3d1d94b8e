import type { Role } from '@shenbao/contracts';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ForbiddenResult, PageLoading } from '../../ui/status-views.tsx';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { hasAnyRole } from '../navigation.ts';
import { useAuth } from './auth-provider.tsx';

export interface LoginRedirectState {
  from?: string;
  expired?: boolean;
  notice?: string;
}

/** Signed-in users pass; others go to /login and come back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, error, refresh } = useAuth();
  const { t } = useI18n();
  const location = useLocation();

  if (status === 'loading') return <PageLoading />;
  if (status === 'error') {
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={error instanceof Error ? error.message : String(error)}
        extra={
          <Button type="primary" onClick={() => void refresh()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (status !== 'signed-in') {
    const state: LoginRedirectState = {
      from: `${location.pathname}${location.search}`,
      expired: status === 'expired',
    };
    return <Navigate to="/login" replace state={state} />;
  }
  return <>{children}</>;
}

/** A page for some roles only; others see 无权访问. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { me } = useAuth();
  if (!me || !hasAnyRole(me.user.roles, roles)) return <ForbiddenResult />;
  return <>{children}</>;
}
