import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from './i18n/i18n-provider.tsx';

/** The language switch for pages outside the signed-in frame. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <Button
      type="link"
      size="small"
      icon={<GlobalOutlined />}
      data-testid="switch-language"
      onClick={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}
    >
      {t('header.language')}
    </Button>
  );
}
