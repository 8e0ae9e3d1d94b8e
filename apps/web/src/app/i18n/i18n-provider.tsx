import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { labelsFor, type Labels } from './labels.ts';
import { readStoredLocale, storeLocale, type Locale } from './locale.ts';
import { enUS, zhCN, type MessageKey } from './messages.ts';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  labels: Labels;
}

const I18nContext = createContext<I18nValue | null>(null);

function applyDayjsLocale(locale: Locale): void {
  // Date pickers take month and weekday names from dayjs.
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const stored = readStoredLocale();
    applyDayjsLocale(stored);
    document.documentElement.lang = stored;
    return stored;
  });

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    applyDayjsLocale(next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(() => {
    const messages = locale === 'en-US' ? enUS : zhCN;
    const t: Translate = (key, vars) => {
      const text: string = messages[key];
      if (!vars) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
    };
    return { locale, setLocale, t, labels: labelsFor(locale) };
  }, [locale, setLocale]);

  useEffect(() => {
    document.title = value.t('app.title');
  }, [value]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
