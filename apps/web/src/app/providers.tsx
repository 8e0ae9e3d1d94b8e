import { App as AntApp, ConfigProvider } from 'antd';
// The ES builds: the CommonJS 'antd/locale/*' entries arrive wrapped in { default } after bundling.
import enUSLocale from 'antd/es/locale/en_US';
import zhCNLocale from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { AuthProvider } from './auth/auth-provider.tsx';
import { I18nProvider, useI18n } from './i18n/i18n-provider.tsx';

function AntdConfig({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'en-US' ? enUSLocale : zhCNLocale}
      theme={{ token: { colorPrimary: '#1d4ed8', borderRadius: 4 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <AntdConfig>
        <AuthProvider>{children}</AuthProvider>
      </AntdConfig>
    </I18nProvider>
  );
}
