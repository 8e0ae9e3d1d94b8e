import { Col, Row, Typography } from 'antd';
import { useMe } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { AccountCard } from '../components/account-card.tsx';
import { DutiesCard } from '../components/duties-card.tsx';
import { SystemHealthCard } from '../components/system-health-card.tsx';

/** 工作台: who you are, what you do here, and for admins whether the system is healthy. */
export function HomePage() {
  const me = useMe();
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="home-title">
        {t('home.welcome', { name: me.user.displayName })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <AccountCard />
        </Col>
        <Col xs={24} xl={12}>
          <DutiesCard />
        </Col>
        {me.user.roles.includes('platform_admin') && (
          <Col span={24}>
            <SystemHealthCard />
          </Col>
        )}
      </Row>
    </>
  );
}
