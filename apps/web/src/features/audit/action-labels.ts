import type { Locale } from '../../app/i18n/locale.ts';

// Readable names for the audit actions recorded so far; unknown actions show as recorded.
const ACTIONS: Record<string, { zh: string; en: string }> = {
  'auth.login': { zh: '登录', en: 'Sign in' },
  'auth.login_failed': { zh: '登录失败', en: 'Failed sign-in' },
  'auth.logout': { zh: '退出登录', en: 'Sign out' },
  'auth.logout_all': { zh: '退出所有设备', en: 'Sign out everywhere' },
  'organisation.create': { zh: '新增组织', en: 'Create organisation' },
  'organisation.update': { zh: '修改组织', en: 'Update organisation' },
  'user.invite': { zh: '邀请用户', en: 'Invite user' },
  'user.activate': { zh: '激活账号', en: 'Activate account' },
  'user.remove': { zh: '移除用户', en: 'Remove user' },
  'call.pack_loaded': { zh: '载入申报通知配置包', en: 'Load call pack' },
  'call.pack_updated': { zh: '更新申报通知配置包', en: 'Update call pack' },
  'call.list_import': { zh: '导入名单', en: 'Import list' },
};

const RESOURCE_TYPES: Record<string, { zh: string; en: string }> = {
  user: { zh: '用户', en: 'User' },
  organisation: { zh: '组织机构', en: 'Organisation' },
  call: { zh: '申报通知', en: 'Call' },
};

function pick(table: Record<string, { zh: string; en: string }>, key: string, locale: Locale): string | null {
  const entry = table[key];
  if (!entry) return null;
  return locale === 'en-US' ? entry.en : entry.zh;
}

export function actionLabel(action: string, locale: Locale): string | null {
  return pick(ACTIONS, action, locale);
}

export function resourceTypeLabel(type: string, locale: Locale): string | null {
  return pick(RESOURCE_TYPES, type, locale);
}

export const KNOWN_ACTIONS = Object.keys(ACTIONS);
export const KNOWN_RESOURCE_TYPES = Object.keys(RESOURCE_TYPES);
