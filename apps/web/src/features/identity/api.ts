import type {
  AcceptInvitationBody,
  CreateOrganisationBody,
  Invitation,
  InviteUserBody,
  LoginBody,
  Me,
  Ok,
  Organisation,
  OrganisationList,
  OrganisationQuery,
  UpdateOrganisationBody,
  UserList,
} from '@shenbao/contracts';
import type { Static } from 'typebox';
import { apiDelete, apiGet, apiPatch, apiPost } from '../../api/client.ts';

type OkBody = Static<typeof Ok>;

// Session (会话)

export function login(body: LoginBody): Promise<Me> {
  return apiPost<Me>('/api/auth/login', body, { handleUnauthorized: false });
}

export function logout(): Promise<OkBody> {
  return apiPost<OkBody>('/api/auth/logout', {}, { handleUnauthorized: false });
}

export function logoutAll(): Promise<OkBody> {
  return apiPost<OkBody>('/api/auth/logout-all', {}, { handleUnauthorized: false });
}

/** The probe on page load: a 401 here means "not signed in", not "session expired". */
export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return apiGet<Me>('/api/me', undefined, { handleUnauthorized: false, signal });
}

export function acceptInvitation(body: AcceptInvitationBody): Promise<OkBody> {
  return apiPost<OkBody>('/api/auth/accept-invitation', body, { handleUnauthorized: false });
}

// Organisations (组织机构)

export function listOrganisations(query: OrganisationQuery, signal?: AbortSignal): Promise<OrganisationList> {
  return apiGet<OrganisationList>('/api/organisations', { ...query }, { signal });
}

export function getOrganisation(id: string, signal?: AbortSignal): Promise<Organisation> {
  return apiGet<Organisation>(`/api/organisations/${encodeURIComponent(id)}`, undefined, { signal });
}

export function createOrganisation(body: CreateOrganisationBody): Promise<Organisation> {
  return apiPost<Organisation>('/api/organisations', body);
}

export function updateOrganisation(id: string, body: UpdateOrganisationBody): Promise<Organisation> {
  return apiPatch<Organisation>(`/api/organisations/${encodeURIComponent(id)}`, body);
}

// Users (用户)

export function listUsers(organisationId: string, signal?: AbortSignal): Promise<UserList> {
  return apiGet<UserList>(`/api/organisations/${encodeURIComponent(organisationId)}/users`, undefined, { signal });
}

export function inviteUser(organisationId: string, body: InviteUserBody): Promise<Invitation> {
  return apiPost<Invitation>(`/api/organisations/${encodeURIComponent(organisationId)}/users`, body);
}

export function removeUser(organisationId: string, userId: string): Promise<OkBody> {
  return apiDelete<OkBody>(
    `/api/organisations/${encodeURIComponent(organisationId)}/users/${encodeURIComponent(userId)}`,
  );
}
