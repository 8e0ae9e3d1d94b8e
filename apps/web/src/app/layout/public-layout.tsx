import { LoginOutlined } from '@ant-design/icons';
import { Button, Layout, Typography } from 'antd';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { LanguageSwitch } from '../language-switch.tsx';
import { HEADER_STYLE } from './header-style.ts';

/** The frame of public pages for visitors who are not signed in. */
export function PublicLayout() {
  const { t } = useI18n();
  const location = useLocation();
  const linkStyle = ({ isActive }: { isActive: boolean }) => ({ color: isActive ? '#fff' : 'rgba(255,255,255,0.75)', fontWeight: isActive ? 600 : 400, whiteSpace: 'nowrap' as const });
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={HEADER_STYLE}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('app.short')}
        </Typography.Text>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.85)', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {t('app.name')}
        </Typography.Text>
        <span style={{ flex: 1 }} />
        {/* The public pages: 申报通知, 公示公告 and 申报材料核验. */}
        <NavLink to="/open-calls" style={linkStyle} data-testid="public-open-calls">
          {t('menu.openCalls')}
        </NavLink>
        <NavLink to="/notices" style={linkStyle} data-testid="public-notices">
          {t('menu.notices')}
        </NavLink>
        <NavLink to="/verify" style={linkStyle} data-testid="public-verify">
          {t('menu.verify')}
        </NavLink>
        <span style={{ filter: 'invert(1) grayscale(1) brightness(2)' }}>
          <LanguageSwitch />
        </span>
        <Link to="/login" state={{ from: location.pathname }}>
          <Button icon={<LoginOutlined />} data-testid="public-sign-in">
            {t('login.submit')}
          </Button>
        </Link>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
