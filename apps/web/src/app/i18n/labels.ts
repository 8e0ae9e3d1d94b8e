import {
  ORGANISATION_KIND_LABELS,
  REGION_CLASS_LABELS,
  ROLE_LABELS,
  type OrganisationKind,
  type RegionClass,
  type Role,
} from '@shenbao/contracts';
import type { Locale } from './locale.ts';

// Chinese labels are the contracts' own; English ones exist only for the language switch.

const ROLE_LABELS_EN: Record<Role, string> = {
  applicant_filler: 'Application filler',
  applicant_admin: 'Applicant administrator',
  recommender_reviewer: 'Recommending reviewer',
  program_officer: 'Program officer',
  expert: 'Review expert',
  platform_admin: 'Platform administrator',
};

const KIND_LABELS_EN: Record<OrganisationKind, string> = {
  ministry: 'Ministry',
  provincial_department: 'Provincial department',
  communications_administration: 'Provincial communications administration',
  city_bureau: 'City bureau',
  sub_provincial_city: 'Sub-provincial city',
  central_enterprise: 'Central enterprise',
  enterprise: 'Enterprise',
  university: 'University',
  park_operator: 'Industrial park operator',
  expert_pool: 'Expert pool',
};

const REGION_LABELS_EN: Record<RegionClass, string> = {
  pearl_river_delta: 'Pearl River Delta',
  east: 'Eastern Guangdong',
  west: 'Western Guangdong',
  north: 'Northern Guangdong',
};

export interface Labels {
  role: (role: Role) => string;
  kind: (kind: OrganisationKind) => string;
  region: (region: RegionClass) => string;
}

export function labelsFor(locale: Locale): Labels {
  if (locale === 'en-US') {
    return { role: (r) => ROLE_LABELS_EN[r], kind: (k) => KIND_LABELS_EN[k], region: (r) => REGION_LABELS_EN[r] };
  }
  return { role: (r) => ROLE_LABELS[r], kind: (k) => ORGANISATION_KIND_LABELS[k], region: (r) => REGION_CLASS_LABELS[r] };
}
