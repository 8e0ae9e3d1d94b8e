import { DownOutlined, GlobalOutlined, LogoutOutlined, PoweroffOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useNavigate } from 'react-router-dom';
import { logout, logoutAll } from '../../features/identity/api.ts';
import { useAuth, useMe } from '../auth/auth-provider.tsx';
import { useI18n } from '../i18n/i18n-provider.tsx';

type UserMenuKey = 'logout' | 'logout-all' | 'language';

export function UserMenu() {
  const me = useMe();
  const { signOut } = useAuth();
  const { t, locale, setLocale } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();

  const endSession = async (everywhere: boolean) => {
    try {
      await (everywhere ? logoutAll() : logout());
      message.success(t(everywhere ? 'header.loggedOutAll' : 'header.loggedOut'));
    } catch (error) {
      // The session may already be gone on the server; the local one ends regardless.
      if (error instanceof Error) message.warning(error.message);
    }
    signOut('signed-out');
    navigate('/login', { replace: true });
  };

  const items: MenuProps['items'] = [
    { key: 'language', icon: <GlobalOutlined />, label: <span data-testid="switch-language">{t('header.language')}</span> },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('header.logout')}</span> },
    { key: 'logout-all', icon: <PoweroffOutlined />, label: <span data-testid="logout-all">{t('header.logoutAll')}</span> },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    switch (key as UserMenuKey) {
      case 'language':
        setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN');
        break;
      case 'logout':
        void endSession(false);
        break;
      case 'logout-all':
        modal.confirm({
          title: t('header.logoutAll'),
          content: t('header.logoutAllConfirm'),
          okText: t('common.ok'),
          cancelText: t('common.cancel'),
          onOk: () => endSession(true),
        });
        break;
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="user-menu" style={{ color: 'inherit' }}>
        <UserOutlined />
        {me.user.displayName}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
