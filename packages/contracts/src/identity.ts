import { Type, type Static } from 'typebox';

/** Kinds of organisation in the hierarchy ministry → province → city → applicants. */
export const ORGANISATION_KINDS = [
  'ministry', // 部委（工业和信息化部）
  'provincial_department', // 省级工业和信息化主管部门
  'communications_administration', // 省通信管理局
  'city_bureau', // 市（州）工信局，含雄安新区、定州、辛集
  'sub_provincial_city', // 计划单列市（如深圳）
  'central_enterprise', // 中央企业
  'enterprise', // 企业
  'university', // 高校
  'park_operator', // 园区运营主体
  'expert_pool', // 专家库
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  ministry: '部委',
  provincial_department: '省级主管部门',
  communications_administration: '省通信管理局',
  city_bureau: '市级主管部门',
  sub_provincial_city: '计划单列市',
  central_enterprise: '中央企业',
  enterprise: '企业',
  university: '高校',
  park_operator: '园区运营主体',
  expert_pool: '专家库',
};

/** Legal persons must carry a 统一社会信用代码. */
export const LEGAL_PERSON_KINDS: readonly OrganisationKind[] = ['central_enterprise', 'enterprise', 'university', 'park_operator'];

export const ROLES = [
  'applicant_filler', // 申报填报人
  'applicant_admin', // 申报单位管理员
  'recommender_reviewer', // 推荐单位审核人
  'program_officer', // 主管部门经办人
  'expert', // 评审专家
  'platform_admin', // 平台管理员
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  applicant_filler: '申报填报人',
  applicant_admin: '申报单位管理员',
  recommender_reviewer: '推荐单位审核人',
  program_officer: '主管部门经办人',
  expert: '评审专家',
  platform_admin: '平台管理员',
};

/** Region classes that a call may use for quotas (广东: 珠三角 vs 粤东西北). */
export const REGION_CLASSES = ['pearl_river_delta', 'east', 'west', 'north'] as const;
export type RegionClass = (typeof REGION_CLASSES)[number];
export const REGION_CLASS_LABELS: Record<RegionClass, string> = {
  pearl_river_delta: '珠三角',
  east: '粤东',
  west: '粤西',
  north: '粤北',
};

/** Which roles an organisation of each kind may hold: applicants fill, authorities review, pools hold experts. */
export const ROLES_BY_KIND: Record<OrganisationKind, Role[]> = {
  ministry: ['program_officer', 'recommender_reviewer', 'platform_admin'],
  provincial_department: ['program_officer', 'recommender_reviewer'],
  communications_administration: ['recommender_reviewer', 'program_officer'],
  city_bureau: ['recommender_reviewer', 'program_officer'],
  sub_provincial_city: ['recommender_reviewer', 'program_officer'],
  // 央企集团 recommends its own subsidiaries' projects directly (004).
  central_enterprise: ['applicant_admin', 'applicant_filler', 'recommender_reviewer'],
  enterprise: ['applicant_admin', 'applicant_filler'],
  university: ['applicant_admin', 'applicant_filler'],
  park_operator: ['applicant_admin', 'applicant_filler'],
  expert_pool: ['expert'],
};

const Uuid = Type.String({ format: 'uuid' });
const KindSchema = Type.Enum(ORGANISATION_KINDS);
const RoleSchema = Type.Enum(ROLES);
const RegionClassSchema = Type.Enum(REGION_CLASSES);

export const Organisation = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: KindSchema,
  parentId: Type.Union([Uuid, Type.Null()]),
  divisionCode: Type.String(),
  divisionName: Type.Union([Type.String(), Type.Null()]),
  regionClass: Type.Union([RegionClassSchema, Type.Null()]),
  creditCode: Type.Union([Type.String(), Type.Null()]),
  userCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Organisation = Static<typeof Organisation>;

export const OrganisationList = Type.Object({ items: Type.Array(Organisation), total: Type.Integer() });
export type OrganisationList = Static<typeof OrganisationList>;

export const OrganisationQuery = Type.Object({
  kind: Type.Optional(KindSchema),
  parentId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});
export type OrganisationQuery = Static<typeof OrganisationQuery>;

export const CreateOrganisationBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 100 }),
    kind: KindSchema,
    parentId: Uuid,
    divisionCode: Type.String({ format: 'division-code' }),
    regionClass: Type.Optional(Type.Union([RegionClassSchema, Type.Null()])),
    creditCode: Type.Optional(Type.Union([Type.String({ format: 'credit-code' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateOrganisationBody = Static<typeof CreateOrganisationBody>;

export const UpdateOrganisationBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
    divisionCode: Type.Optional(Type.String({ format: 'division-code' })),
    regionClass: Type.Optional(Type.Union([RegionClassSchema, Type.Null()])),
    creditCode: Type.Optional(Type.Union([Type.String({ format: 'credit-code' }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateOrganisationBody = Static<typeof UpdateOrganisationBody>;

export const User = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  mobile: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(RoleSchema),
  organisationId: Uuid,
  status: Type.Union([Type.Literal('active'), Type.Literal('invited'), Type.Literal('removed')]),
  lastLoginAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type User = Static<typeof User>;

export const UserList = Type.Object({ items: Type.Array(User) });
export type UserList = Static<typeof UserList>;

export const InviteUserBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 64, pattern: '^[a-z0-9][a-z0-9._-]*$' }),
    displayName: Type.String({ minLength: 1, maxLength: 50 }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    mobile: Type.Optional(Type.String({ format: 'mobile-cn' })),
    roles: Type.Array(RoleSchema, { minItems: 1, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type InviteUserBody = Static<typeof InviteUserBody>;

/** The invitation is shown once to the inviting admin, who passes the link on. */
export const Invitation = Type.Object({ user: User, invitationToken: Type.String(), expiresAt: Type.String({ format: 'date-time' }) });
export type Invitation = Static<typeof Invitation>;

export const AcceptInvitationBody = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 200 }), password: Type.String({ minLength: 10, maxLength: 200 }) },
  { additionalProperties: false },
);
export type AcceptInvitationBody = Static<typeof AcceptInvitationBody>;

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const Me = Type.Object({
  user: User,
  organisation: Organisation,
  csrfToken: Type.String(),
});
export type Me = Static<typeof Me>;

export const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Object({ ok: Type.Boolean(), embedded: Type.Boolean(), version: Type.Union([Type.String(), Type.Null()]) }),
  systemPackages: Type.Array(
    Type.Object({ name: Type.String(), present: Type.Boolean(), feature: Type.String() }),
  ),
  time: Type.String({ format: 'date-time' }),
});
export type Health = Static<typeof Health>;
