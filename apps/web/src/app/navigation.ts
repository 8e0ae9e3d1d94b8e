import { ROLES, type Me, type Role } from '@shenbao/contracts';
import type { MessageKey } from './i18n/messages.ts';

// Which screens a user sees in the menu. Only screens that exist are listed; the server
// still decides every request, this only keeps people out of pages they cannot use.

export interface NavItem {
  key: 'home' | 'open-calls' | 'notices' | 'verify' | 'applications' | 'review' | 'recommendations' | 'selection' | 'expert' | 'calls' | 'organisations' | 'my-org' | 'audit' | 'exports' | 'projects' | 'subsidies';
  path: string;
  label: MessageKey;
  testId: string;
}

export const ORGANISATION_LIST_ROLES: readonly Role[] = ['platform_admin', 'program_officer', 'recommender_reviewer'];
export const ORGANISATION_DETAIL_ROLES: readonly Role[] = [...ORGANISATION_LIST_ROLES, 'applicant_admin'];
export const ORGANISATION_CREATE_ROLES: readonly Role[] = ['platform_admin', 'program_officer'];
export const USER_ADMIN_ROLES: readonly Role[] = ['platform_admin', 'program_officer', 'applicant_admin'];
/** Officers read the log of their own subtree (the server scopes it); only admins verify the whole chain. */
export const AUDIT_ROLES: readonly Role[] = ['platform_admin', 'program_officer'];
export const AUDIT_VERIFY_ROLES: readonly Role[] = ['platform_admin'];
/** 申报通知 are public: every signed-in role reads them. */
export const CALLS_ROLES: readonly Role[] = ROLES;
/** Imported lists (名单): authorities read them (`call.list.read`); the issuing department's officers import them. */
export const CALL_LIST_READ_ROLES: readonly Role[] = ['platform_admin', 'program_officer', 'recommender_reviewer'];
/** 我的申报 and the editor: the applicant's admin and its fillers. */
export const APPLICANT_ROLES: readonly Role[] = ['applicant_admin', 'applicant_filler'];
/** An application is read by its applicant and, once submitted, by the authorities it reaches (the server decides). */
export const APPLICATION_READ_ROLES: readonly Role[] = ROLES;
export const CALL_LIST_IMPORT_ROLES: readonly Role[] = ['platform_admin', 'program_officer'];
/** 审核推荐: the recommender's reviewers (inbox, decisions, ranking, issuing). */
export const REVIEW_ROLES: readonly Role[] = ['recommender_reviewer'];
/** 推荐情况: the issued recommendations of a call, for its issuing department (admins read them too). */
export const RECOMMENDATION_OVERSIGHT_ROLES: readonly Role[] = ['program_officer', 'platform_admin'];
/** One recommendation (where the notices link): its recommender's reviewers and the issuing department. */
export const RECOMMENDATION_READ_ROLES: readonly Role[] = [...REVIEW_ROLES, ...RECOMMENDATION_OVERSIGHT_ROLES];
/** 遴选评审: the program owner's policy check, expert review, decision and public notice of its own calls. */
export const SELECTION_ROLES: readonly Role[] = ['program_officer'];
/** 评审任务: an expert's own assignments. */
export const EXPERT_ROLES: readonly Role[] = ['expert'];
/** 批量导出: the call's owner and the recommenders export applications as one ZIP (the server scopes each job). */
export const EXPORT_ROLES: readonly Role[] = ['program_officer', 'recommender_reviewer', 'platform_admin'];
/** 项目管理 (#7): every role has a view of the selected projects — own, jurisdiction, own calls, own panels (the server scopes). */
export const PROJECT_ROLES: readonly Role[] = ['applicant_admin', 'applicant_filler', 'recommender_reviewer', 'program_officer', 'expert', 'platform_admin'];
/** 资金拨付: the owner's totals per call, city and year. */
export const SUBSIDY_ROLES: readonly Role[] = ['program_officer', 'platform_admin'];

export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return roles.some((role) => wanted.includes(role));
}

export function navItemsFor(me: Me): NavItem[] {
  const roles = me.user.roles;
  const items: NavItem[] = [
    { key: 'home', path: '/', label: 'menu.home', testId: 'menu-home' },
    // 申报通知 now taking applications: public, so everyone has it.
    { key: 'open-calls', path: '/open-calls', label: 'menu.openCalls', testId: 'menu-open-calls' },
    // 公示公告 are public too.
    { key: 'notices', path: '/notices', label: 'menu.notices', testId: 'menu-notices' },
    // 申报材料核验 of a printed application: public as well.
    { key: 'verify', path: '/verify', label: 'menu.verify', testId: 'menu-verify' },
  ];
  if (hasAnyRole(roles, APPLICANT_ROLES)) {
    items.push({ key: 'applications', path: '/applications', label: 'menu.applications', testId: 'menu-applications' });
  }
  if (hasAnyRole(roles, REVIEW_ROLES)) {
    items.push({ key: 'review', path: '/review', label: 'menu.review', testId: 'menu-review' });
  }
  if (hasAnyRole(roles, RECOMMENDATION_OVERSIGHT_ROLES)) {
    items.push({ key: 'recommendations', path: '/recommendations', label: 'menu.recommendations', testId: 'menu-recommendations' });
  }
  if (hasAnyRole(roles, SELECTION_ROLES)) {
    items.push({ key: 'selection', path: '/selection', label: 'menu.selection', testId: 'menu-selection' });
  }
  if (hasAnyRole(roles, EXPERT_ROLES)) {
    items.push({ key: 'expert', path: '/expert', label: 'menu.expert', testId: 'menu-expert' });
  }
  if (hasAnyRole(roles, PROJECT_ROLES)) {
    // 我的项目 / 项目监管 / 项目管理 / 验收任务: one list, named for whose it is.
    const label: MessageKey = hasAnyRole(roles, ['program_officer', 'platform_admin'])
      ? 'menu.projects'
      : hasAnyRole(roles, ['recommender_reviewer'])
        ? 'menu.projectSupervision'
        : hasAnyRole(roles, APPLICANT_ROLES)
          ? 'menu.myProjects'
          : 'menu.acceptanceTasks';
    items.push({ key: 'projects', path: '/projects', label, testId: 'menu-projects' });
  }
  if (hasAnyRole(roles, SUBSIDY_ROLES)) {
    items.push({ key: 'subsidies', path: '/subsidies', label: 'menu.subsidies', testId: 'menu-subsidies' });
  }
  if (hasAnyRole(roles, EXPORT_ROLES)) {
    items.push({ key: 'exports', path: '/exports', label: 'menu.exports', testId: 'menu-exports' });
  }
  if (hasAnyRole(roles, CALLS_ROLES)) {
    items.push({ key: 'calls', path: '/calls', label: 'menu.calls', testId: 'menu-calls' });
  }
  if (hasAnyRole(roles, ORGANISATION_LIST_ROLES)) {
    // A recommender alone sees only its own jurisdiction, so the menu says so.
    const label: MessageKey = hasAnyRole(roles, ORGANISATION_CREATE_ROLES) ? 'menu.organisations' : 'menu.jurisdiction';
    items.push({ key: 'organisations', path: '/organisations', label, testId: 'menu-organisations' });
  } else if (roles.includes('applicant_admin')) {
    items.push({ key: 'my-org', path: `/organisations/${me.organisation.id}`, label: 'menu.myOrg', testId: 'menu-my-org' });
  }
  if (hasAnyRole(roles, AUDIT_ROLES)) {
    items.push({ key: 'audit', path: '/audit', label: 'menu.audit', testId: 'menu-audit' });
  }
  return items;
}

/** The menu entry to highlight for a path. */
export function selectedNavKey(items: readonly NavItem[], pathname: string): NavItem['key'] {
  const exact = items.find((item) => item.path === pathname);
  if (exact) return exact.key;
  if (pathname.startsWith('/organisations')) {
    return items.some((item) => item.key === 'organisations') ? 'organisations' : 'my-org';
  }
  if (pathname.startsWith('/calls')) return 'calls';
  if (pathname.startsWith('/applications')) return 'applications';
  if (pathname.startsWith('/review')) return 'review';
  if (pathname.startsWith('/recommendations')) {
    return items.some((item) => item.key === 'recommendations') ? 'recommendations' : 'review';
  }
  if (pathname.startsWith('/audit')) return 'audit';
  if (pathname.startsWith('/selection')) return 'selection';
  if (pathname.startsWith('/expert')) return 'expert';
  if (pathname.startsWith('/notices')) return 'notices';
  if (pathname.startsWith('/exports')) return 'exports';
  if (pathname.startsWith('/projects')) return 'projects';
  if (pathname.startsWith('/subsidies')) return 'subsidies';
  if (pathname.startsWith('/verify')) return 'verify';
  return 'home';
}
