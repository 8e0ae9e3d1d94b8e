import type { Me } from '@shenbao/contracts';
import type { MessageKey } from '../../app/i18n/messages.ts';

/** Whose screen the project pages are: the owner's (主管部门), the city's (推荐单位), the applicant's, an expert's. */
export type ProjectView = 'owner' | 'recommender' | 'applicant' | 'expert';

export function projectViewOf(me: Me): ProjectView {
  const roles = me.user.roles;
  if (roles.includes('program_officer') || roles.includes('platform_admin')) return 'owner';
  if (roles.includes('recommender_reviewer')) return 'recommender';
  if (roles.includes('applicant_admin') || roles.includes('applicant_filler')) return 'applicant';
  return 'expert';
}

/** 我的项目, 项目监管, 项目管理, 验收任务: the menu's and the page's name for each view. */
export const PROJECTS_TITLE: Record<ProjectView, MessageKey> = {
  applicant: 'menu.myProjects',
  recommender: 'menu.projectSupervision',
  owner: 'menu.projects',
  expert: 'menu.acceptanceTasks',
};
