import {
  ApartmentOutlined,
  AuditOutlined,
  CloudDownloadOutlined,
  ProjectOutlined,
  AccountBookOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FormOutlined,
  HomeOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  SoundOutlined,
  TrophyOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Typography, type MenuProps } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useMe } from '../auth/auth-provider.tsx';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { navItemsFor, selectedNavKey, type NavItem } from '../navigation.ts';
import { NotificationBell } from '../../features/notifications/components/notification-bell.tsx';
import { HEADER_STYLE } from './header-style.ts';
import { UserMenu } from './user-menu.tsx';

const ICONS: Record<NavItem['key'], ReactNode> = {
  home: <HomeOutlined />,
  'open-calls': <NotificationOutlined />,
  notices: <SoundOutlined />,
  verify: <SafetyCertificateOutlined />,
  applications: <FormOutlined />,
  review: <FileSearchOutlined />,
  recommendations: <FileDoneOutlined />,
  selection: <TrophyOutlined />,
  expert: <SolutionOutlined />,
  calls: <SettingOutlined />,
  organisations: <ApartmentOutlined />,
  'my-org': <TeamOutlined />,
  audit: <AuditOutlined />,
  exports: <CloudDownloadOutlined />,
  projects: <ProjectOutlined />,
  subsidies: <AccountBookOutlined />,
};

/** The frame of every signed-in screen; the menu depends on the user's roles. */
export function AppLayout() {
  const me = useMe();
  const { t } = useI18n();
  const location = useLocation();
  const nav = useMemo(() => navItemsFor(me), [me]);

  const items: MenuProps['items'] = nav.map((item) => ({
    key: item.key,
    icon: ICONS[item.key],
    label: (
      <Link to={item.path} data-testid={item.testId}>
        {t(item.label)}
      </Link>
    ),
  }));

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
        <Typography.Text data-testid="current-organisation" style={{ color: 'rgba(255,255,255,0.85)', whiteSpace: 'nowrap' }}>
          {me.organisation.name}
        </Typography.Text>
        <NotificationBell />
        <UserMenu />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={208} theme="light" breakpoint="lg" collapsedWidth={56}>
          <Menu
            mode="inline"
            items={items}
            selectedKeys={[selectedNavKey(nav, location.pathname)]}
            style={{ height: '100%', borderInlineEnd: 0, paddingTop: 8 }}
            data-testid="main-menu"
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
