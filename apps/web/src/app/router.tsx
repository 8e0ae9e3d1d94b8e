import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { ApplicationPage } from '../features/applications/pages/application-page.tsx';
import { ApplicationPreviewPage } from '../features/applications/pages/application-preview-page.tsx';
import { MyApplicationsPage } from '../features/applications/pages/my-applications-page.tsx';
import { AuditPage } from '../features/audit/pages/audit-page.tsx';
import { InvitationPage } from '../features/identity/pages/invitation-page.tsx';
import { LoginPage } from '../features/identity/pages/login-page.tsx';
import { OrganisationDetailPage } from '../features/identity/pages/organisation-detail-page.tsx';
import { OrganisationListPage } from '../features/identity/pages/organisation-list-page.tsx';
import { CallDetailPage } from '../features/programs/pages/call-detail-page.tsx';
import { CallListPage } from '../features/programs/pages/call-list-page.tsx';
import { OpenCallsPage } from '../features/programs/pages/open-calls-page.tsx';
import { RecommendationPage } from '../features/recommendations/pages/recommendation-page.tsx';
import { RecommendationsPage } from '../features/recommendations/pages/recommendations-page.tsx';
import { ReviewApplicationPage } from '../features/recommendations/pages/review-application-page.tsx';
import { ReviewPage } from '../features/recommendations/pages/review-page.tsx';
import { ExpertCallPage } from '../features/expert/pages/expert-call-page.tsx';
import { ExpertCallsPage } from '../features/expert/pages/expert-calls-page.tsx';
import { ScorePage } from '../features/expert/pages/score-page.tsx';
import { NoticePage } from '../features/public-notices/pages/notice-page.tsx';
import { NoticesPage } from '../features/public-notices/pages/notices-page.tsx';
import { ProjectPage } from '../features/projects/pages/project-page.tsx';
import { ProjectsPage } from '../features/projects/pages/projects-page.tsx';
import { SubsidiesPage } from '../features/projects/pages/subsidies-page.tsx';
import { VerifyPage } from '../features/documents/pages/verify-page.tsx';
import { ExportsPage } from '../features/exports/pages/exports-page.tsx';
import { SelectionPage } from '../features/selection/pages/selection-page.tsx';
import { HomePage } from '../features/workbench/pages/home-page.tsx';
import { NotFoundResult } from '../ui/status-views.tsx';
import { RequireAuth, RequireRole } from './auth/guards.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { PublicOrAppLayout } from './layout/public-or-app-layout.tsx';
import {
  APPLICANT_ROLES,
  APPLICATION_READ_ROLES,
  AUDIT_ROLES,
  CALLS_ROLES,
  ORGANISATION_DETAIL_ROLES,
  ORGANISATION_LIST_ROLES,
  RECOMMENDATION_OVERSIGHT_ROLES,
  RECOMMENDATION_READ_ROLES,
  REVIEW_ROLES,
  EXPERT_ROLES,
  EXPORT_ROLES,
  PROJECT_ROLES,
  SUBSIDY_ROLES,
  SELECTION_ROLES,
} from './navigation.ts';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/invitation', element: <InvitationPage /> },
  // 申报通知 now taking applications: public, in the app's frame when signed in.
  { path: '/open-calls', element: <PublicOrAppLayout />, children: [{ index: true, element: <OpenCallsPage /> }] },
  // 公示公告: public notices (公示) and published lists (公布), with objections lodged by anyone during the period.
  {
    path: '/notices',
    element: <PublicOrAppLayout />,
    children: [
      { index: true, element: <NoticesPage /> },
      { path: ':id', element: <NoticePage /> },
    ],
  },
  // 申报材料核验: anyone holding a printed application checks its number and hash.
  { path: '/verify', element: <PublicOrAppLayout />, children: [{ index: true, element: <VerifyPage /> }] },
  // The printable preview has no frame at all.
  {
    path: '/applications/:id/preview',
    element: (
      <RequireAuth>
        <ApplicationPreviewPage />
      </RequireAuth>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'calls',
        element: (
          <RequireRole roles={CALLS_ROLES}>
            <CallListPage />
          </RequireRole>
        ),
      },
      {
        path: 'calls/:id',
        element: (
          <RequireRole roles={CALLS_ROLES}>
            <CallDetailPage />
          </RequireRole>
        ),
      },
      {
        path: 'applications',
        element: (
          <RequireRole roles={APPLICANT_ROLES}>
            <MyApplicationsPage />
          </RequireRole>
        ),
      },
      {
        path: 'applications/:id',
        element: (
          <RequireRole roles={APPLICATION_READ_ROLES}>
            <ApplicationPage />
          </RequireRole>
        ),
      },
      {
        path: 'organisations',
        element: (
          <RequireRole roles={ORGANISATION_LIST_ROLES}>
            <OrganisationListPage />
          </RequireRole>
        ),
      },
      {
        path: 'organisations/:id',
        element: (
          <RequireRole roles={ORGANISATION_DETAIL_ROLES}>
            <OrganisationDetailPage />
          </RequireRole>
        ),
      },
      {
        path: 'review',
        element: (
          <RequireRole roles={REVIEW_ROLES}>
            <ReviewPage />
          </RequireRole>
        ),
      },
      {
        path: 'review/applications/:id',
        element: (
          <RequireRole roles={REVIEW_ROLES}>
            <ReviewApplicationPage />
          </RequireRole>
        ),
      },
      {
        path: 'recommendations',
        element: (
          <RequireRole roles={RECOMMENDATION_OVERSIGHT_ROLES}>
            <RecommendationsPage />
          </RequireRole>
        ),
      },
      {
        path: 'recommendations/:id',
        element: (
          <RequireRole roles={RECOMMENDATION_READ_ROLES}>
            <RecommendationPage />
          </RequireRole>
        ),
      },
      {
        path: 'selection',
        element: (
          <RequireRole roles={SELECTION_ROLES}>
            <SelectionPage />
          </RequireRole>
        ),
      },
      {
        path: 'expert',
        element: (
          <RequireRole roles={EXPERT_ROLES}>
            <ExpertCallsPage />
          </RequireRole>
        ),
      },
      {
        path: 'expert/calls/:callId',
        element: (
          <RequireRole roles={EXPERT_ROLES}>
            <ExpertCallPage />
          </RequireRole>
        ),
      },
      {
        path: 'expert/assignments/:id',
        element: (
          <RequireRole roles={EXPERT_ROLES}>
            <ScorePage />
          </RequireRole>
        ),
      },
      // 项目管理 (#7): the list per role and one project with its tabs; 资金拨付 for the owner.
      {
        path: 'projects',
        element: (
          <RequireRole roles={PROJECT_ROLES}>
            <ProjectsPage />
          </RequireRole>
        ),
      },
      {
        path: 'projects/:id',
        element: (
          <RequireRole roles={PROJECT_ROLES}>
            <ProjectPage />
          </RequireRole>
        ),
      },
      {
        path: 'subsidies',
        element: (
          <RequireRole roles={SUBSIDY_ROLES}>
            <SubsidiesPage />
          </RequireRole>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireRole roles={AUDIT_ROLES}>
            <AuditPage />
          </RequireRole>
        ),
      },
      {
        path: 'exports',
        element: (
          <RequireRole roles={EXPORT_ROLES}>
            <ExportsPage />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFoundResult /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
