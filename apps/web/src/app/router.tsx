import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { AuditPage } from '../features/audit/pages/audit-page.tsx';
import { InvitationPage } from '../features/identity/pages/invitation-page.tsx';
import { LoginPage } from '../features/identity/pages/login-page.tsx';
import { OrganisationDetailPage } from '../features/identity/pages/organisation-detail-page.tsx';
import { OrganisationListPage } from '../features/identity/pages/organisation-list-page.tsx';
import { CallDetailPage } from '../features/programs/pages/call-detail-page.tsx';
import { CallListPage } from '../features/programs/pages/call-list-page.tsx';
import { HomePage } from '../features/workbench/pages/home-page.tsx';
import { NotFoundResult } from '../ui/status-views.tsx';
import { RequireAuth, RequireRole } from './auth/guards.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { AUDIT_ROLES, CALLS_ROLES, ORGANISATION_DETAIL_ROLES, ORGANISATION_LIST_ROLES } from './navigation.ts';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/invitation', element: <InvitationPage /> },
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
        path: 'audit',
        element: (
          <RequireRole roles={AUDIT_ROLES}>
            <AuditPage />
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
