/**
 * 批量导出: one ZIP of a call's (or one recommender's) applications — per application a folder named by its
 * 申报编号 with the printed application and its attachments, the summary table, and a manifest with SHA-256 hashes.
 * Built in the background; the requester follows its progress, may cancel it, and downloads the file.
 */
import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const EXPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type ExportJobStatusName = (typeof EXPORT_JOB_STATUSES)[number];
export const EXPORT_JOB_STATUS_LABELS: Record<ExportJobStatusName, string> = {
  queued: '排队中',
  running: '导出中',
  done: '已完成',
  failed: '失败',
  cancelled: '已取消',
};

export const ExportCreateBody = Type.Object(
  {
    callId: Type.String({ minLength: 1, maxLength: 100 }),
    /** Only this recommender's applications (the call's owner choosing one city; a province one of its cities). */
    recommenderOrganisationId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
export type ExportCreateBody = Static<typeof ExportCreateBody>;

export const ExportJob = Type.Object({
  id: Type.String(),
  callId: Type.String(),
  callTitle: Type.String(),
  recommenderOrganisationId: Nullable(Type.String()),
  /** What the ZIP holds, in words: 全部申报 or the recommender's name. */
  scopeLabel: Type.String(),
  status: Type.Enum(EXPORT_JOB_STATUSES),
  /** Applications in the export and how many are written. */
  total: Type.Integer(),
  done: Type.Integer(),
  fileName: Type.String(),
  /** Done and its file still kept (finished ZIPs are deleted after EXPORT_RETENTION_DAYS, 7 by default). */
  downloadable: Type.Boolean(),
  fileSize: Nullable(Type.Integer()),
  sha256: Nullable(Type.String()),
  error: Nullable(Type.String()),
  createdAt: Type.String(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  cancelRequestedAt: Nullable(Type.String()),
});
export type ExportJob = Static<typeof ExportJob>;

export const ExportJobList = Type.Object({ items: Type.Array(ExportJob) });
export type ExportJobList = Static<typeof ExportJobList>;

/** One file of the ZIP as manifest.json lists it. */
export const ExportManifestFile = Type.Object({
  path: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  /** application: the printed application; attachment: an uploaded file; summary: the summary table. */
  kind: Type.Enum(['application', 'attachment', 'summary']),
  applicationNumber: Nullable(Type.String()),
});
export type ExportManifestFile = Static<typeof ExportManifestFile>;
