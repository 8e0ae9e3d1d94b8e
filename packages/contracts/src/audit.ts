import { Type, type Static } from 'typebox';

export const AuditEvent = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorUsername: Type.Union([Type.String(), Type.Null()]),
  actorOrganisationId: Type.Union([Type.String(), Type.Null()]),
  actorOrganisationName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  resourceType: Type.String(),
  resourceId: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.String(),
});
export type AuditEvent = Static<typeof AuditEvent>;

export const AuditQuery = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 100 })),
  resourceType: Type.Optional(Type.String({ maxLength: 100 })),
  resourceId: Type.Optional(Type.String({ maxLength: 100 })),
  actorUserId: Type.Optional(Type.String({ format: 'uuid' })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditList = Type.Object({ items: Type.Array(AuditEvent), total: Type.Integer() });
export type AuditList = Static<typeof AuditList>;

export const AuditVerification = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  firstBrokenId: Type.Union([Type.Integer(), Type.Null()]),
});
export type AuditVerification = Static<typeof AuditVerification>;
