import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ApproveBody,
  AssignResult,
  CandidateList,
  ConflictBody,
  ConflictList,
  DeclareConflictBody,
  DefenceOverview,
  DefenceSessionBody,
  ExpertAssignmentDetail,
  ExpertAssignmentList,
  ExpertCallList,
  ManualAssignmentBody,
  NoticeBody,
  ObjectionBody,
  ObjectionReceipt,
  Ok,
  PanelResultBody,
  PolicyCheckBody,
  ProposeBody,
  PublicNotice,
  PublicNoticeList,
  PublishBody,
  RemindResult,
  RemoveAssignmentBody,
  ResolveObjectionBody,
  ReviewOverview,
  ReviewSettings,
  ScoreBody,
  SelectionView,
  ShortlistBody,
  StatementBody,
} from '@shenbao/contracts';
import { BlobStore } from '../../platform/blob-store.ts';
import type { AppDeps } from '../../platform/http.ts';
import { notFound } from '../../platform/errors.ts';
import { applicationDocumentOf, applicationTypst, PdfRenderPool } from '../documents/index.ts';
import { decidePolicyCheck, candidates } from './policy-check.ts';
import * as review from './review.ts';
import * as scoring from './scoring.ts';
import * as defence from './defence.ts';
import * as decision from './decision.ts';
import { selectedListPdf, selectedListXlsx } from './list-export.ts';

const CallParams = Type.Object({ callId: Type.String({ minLength: 1, maxLength: 100 }) });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const FileParams = Type.Object({ id: Type.String({ format: 'uuid' }), fileId: Type.String({ format: 'uuid' }) });
const EvidenceParams = Type.Object({ id: Type.String({ format: 'uuid' }), sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) });
const SlotParams = Type.Object({ id: Type.String({ format: 'uuid' }), applicationId: Type.String({ format: 'uuid' }) });
const MANAGE = { action: 'selection.manage' } as const;
const REVIEW = { action: 'selection.review' } as const;
const T = ['遴选评审'];
const TE = ['专家评审'];
const TP = ['公示公告'];

export const selectionRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { database, config }) => {
  const { db } = database;
  const blobs = new BlobStore(config.blobDir);
  // As for every download of an application: typeset in a recycled child process, so the server's memory stays flat.
  const pdfs = new PdfRenderPool({ size: 1 });
  app.addHook('onClose', () => pdfs.close());

  // ---------------------------------------------------------------- 政策性审查
  app.get('/api/selection/calls/:callId/candidates', { schema: { tags: T, summary: '政策性审查：推荐到本部门的申报（渠道、排序、规则复核）', params: CallParams, response: { 200: CandidateList } }, config: MANAGE }, async (req) =>
    candidates(db, req.ctx, req.params.callId),
  );
  app.post('/api/selection/applications/:id/policy-check', { schema: { tags: T, summary: '政策性审查结论：准予进入评审或不予通过（附理由）', params: IdParams, body: PolicyCheckBody, response: { 200: Ok } }, config: MANAGE }, async (req) => {
    await decidePolicyCheck(db, req.ctx, req.params.id, req.body);
    return { ok: true as const };
  });

  // ---------------------------------------------------------------- 专家评审（主管部门）
  app.get('/api/selection/calls/:callId/review', { schema: { tags: T, summary: '专家评审总览：设置、专家、分配、进度与得分', params: CallParams, response: { 200: ReviewOverview } }, config: MANAGE }, async (req) =>
    review.overview(db, req.ctx, req.params.callId),
  );
  app.put('/api/selection/calls/:callId/review/settings', { schema: { tags: T, summary: '评审设置（每个申报的专家数、专家负荷、专家库）', params: CallParams, body: ReviewSettings, response: { 200: ReviewOverview } }, config: MANAGE }, async (req) =>
    review.saveSettings(db, req.ctx, req.params.callId, req.body),
  );
  app.get('/api/selection/calls/:callId/conflicts', { schema: { tags: T, summary: '回避关系（自动检测与人工登记）', params: CallParams, response: { 200: ConflictList } }, config: MANAGE }, async (req) =>
    review.listConflicts(db, req.ctx, req.params.callId),
  );
  app.post('/api/selection/calls/:callId/conflicts', { schema: { tags: T, summary: '指定或解除回避（附理由）', params: CallParams, body: ConflictBody, response: { 200: Ok } }, config: MANAGE }, async (req) => {
    await review.recordConflict(db, req.ctx, req.params.callId, req.body);
    return { ok: true as const };
  });
  app.post('/api/selection/calls/:callId/assign', { schema: { tags: T, summary: '自动分配评审专家（最小费用流，最优）', params: CallParams, response: { 200: AssignResult } }, config: MANAGE }, async (req) =>
    review.autoAssign(db, req.ctx, req.params.callId),
  );
  app.post('/api/selection/calls/:callId/assignments', { schema: { tags: T, summary: '手工增加评审分配（附理由）', params: CallParams, body: ManualAssignmentBody, response: { 200: Ok } }, config: MANAGE }, async (req) => {
    await review.addAssignment(db, req.ctx, req.params.callId, req.body);
    return { ok: true as const };
  });
  app.post('/api/selection/assignments/:id/remove', { schema: { tags: T, summary: '撤销一项评审分配（附理由）', params: IdParams, body: RemoveAssignmentBody, response: { 200: Ok } }, config: MANAGE }, async (req) => {
    await review.removeAssignment(db, req.ctx, req.params.id, req.body.reason);
    return { ok: true as const };
  });
  app.post('/api/selection/calls/:callId/remind', { schema: { tags: T, summary: '提醒未完成评审的专家', params: CallParams, response: { 200: RemindResult } }, config: MANAGE }, async (req) =>
    review.remindLate(db, req.ctx, req.params.callId),
  );
  app.post('/api/selection/calls/:callId/review/close', { schema: { tags: T, summary: '结束专家评审', params: CallParams, response: { 200: ReviewOverview } }, config: MANAGE }, async (req) =>
    review.closeReview(db, req.ctx, req.params.callId),
  );

  // ---------------------------------------------------------------- 现场答辩
  app.get('/api/selection/calls/:callId/defence', { schema: { tags: T, summary: '现场答辩：入围名单与场次', params: CallParams, response: { 200: DefenceOverview } }, config: MANAGE }, async (req) =>
    defence.defenceOverview(db, req.ctx, req.params.callId),
  );
  app.put('/api/selection/calls/:callId/defence/shortlist', { schema: { tags: T, summary: '确定入围答辩名单', params: CallParams, body: ShortlistBody, response: { 200: DefenceOverview } }, config: MANAGE }, async (req) =>
    defence.setShortlist(db, req.ctx, req.params.callId, req.body.applicationIds),
  );
  app.post('/api/selection/calls/:callId/defence/sessions', { schema: { tags: T, summary: '安排答辩场次（会议室、时段、专家组；回避校验；通知申报单位）', params: CallParams, body: DefenceSessionBody, response: { 200: DefenceOverview } }, config: MANAGE }, async (req) =>
    defence.createSession(db, req.ctx, req.params.callId, req.body),
  );
  app.put('/api/selection/defence/sessions/:id/slots/:applicationId', { schema: { tags: T, summary: '录入答辩评分与专家组意见', params: SlotParams, body: PanelResultBody, response: { 200: DefenceOverview } }, config: MANAGE }, async (req) =>
    defence.recordPanelResult(db, req.ctx, req.params.id, req.params.applicationId, req.body),
  );

  // ---------------------------------------------------------------- 审定、公示、公布
  app.get('/api/selection/calls/:callId/decision', { schema: { tags: T, summary: '入选名单（拟定、审定、公示、异议、公布）', params: CallParams, response: { 200: SelectionView } }, config: MANAGE }, async (req) =>
    decision.selectionView(db, req.ctx, req.params.callId),
  );
  app.put('/api/selection/calls/:callId/decision', { schema: { tags: T, summary: '拟定入选名单（带版本号）', params: CallParams, body: ProposeBody, response: { 200: SelectionView } }, config: MANAGE }, async (req) =>
    decision.propose(db, req.ctx, req.params.callId, req.body),
  );
  app.post('/api/selection/calls/:callId/decision/approve', { schema: { tags: T, summary: '审定入选名单（校验限额）', params: CallParams, body: ApproveBody, response: { 200: SelectionView } }, config: MANAGE }, async (req) =>
    decision.approve(db, req.ctx, req.params.callId, req.body.approverName),
  );
  app.post('/api/selection/calls/:callId/decision/notice', { schema: { tags: T, summary: '发布公示', params: CallParams, body: NoticeBody, response: { 200: SelectionView } }, config: MANAGE }, async (req) =>
    decision.startNotice(db, req.ctx, req.params.callId, req.body),
  );
  app.post('/api/selection/objections/:id/resolve', { schema: { tags: T, summary: '处理异议（成立/不成立，记录处理结果）', params: IdParams, body: ResolveObjectionBody, response: { 200: SelectionView } }, config: MANAGE }, async (req) =>
    decision.resolveObjection(db, req.ctx, req.params.id, req.body),
  );
  app.get('/api/selection/objections/:id/evidence/:sha256', { schema: { tags: T, summary: '查看异议证明材料', params: EvidenceParams }, config: MANAGE }, async (req, reply) => {
    const file = await decision.objectionEvidence(db, req.ctx, req.params.id, req.params.sha256);
    return reply.type(file.mimeType).header('cache-control', 'private, no-store').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`).header('x-content-sha256', file.sha256).send(blobs.open(file.sha256));
  });
  app.post('/api/selection/calls/:callId/decision/publish', { schema: { tags: T, summary: '正式公布入选名单（公示期满、异议处理完毕）', params: CallParams, body: PublishBody, response: { 200: SelectionView } }, config: MANAGE }, async (req) =>
    decision.publish(db, req.ctx, req.params.callId, req.body.documentNumber),
  );
  app.get('/api/selection/calls/:callId/decision/list.xlsx', { schema: { tags: T, summary: '入选名单（Excel）', params: CallParams }, config: MANAGE }, async (req, reply) => {
    const { fileName, buffer } = await selectedListXlsx(db, req.ctx, req.params.callId);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`).send(buffer);
  });
  app.get('/api/selection/calls/:callId/decision/list.pdf', { schema: { tags: T, summary: '入选名单（PDF）', params: CallParams }, config: MANAGE }, async (req, reply) => {
    const { fileName, buffer } = await selectedListPdf(db, req.ctx, req.params.callId);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`).send(buffer);
  });

  // ---------------------------------------------------------------- 评审专家
  app.get('/api/expert/calls', { schema: { tags: TE, summary: '我的评审任务', response: { 200: ExpertCallList } }, config: REVIEW }, async (req) => scoring.expertCalls(db, req.ctx));
  app.post('/api/expert/calls/:callId/statement', { schema: { tags: TE, summary: '签署保密及无利益冲突承诺（评审前/评审后）', params: CallParams, body: StatementBody, response: { 200: Ok } }, config: REVIEW }, async (req) => {
    await scoring.signStatement(db, req.ctx, req.params.callId, req.body.phase);
    return { ok: true as const };
  });
  app.get('/api/expert/calls/:callId/assignments', { schema: { tags: TE, summary: '分配给我的申报（签署承诺后可见）', params: CallParams, response: { 200: ExpertAssignmentList } }, config: REVIEW }, async (req) =>
    scoring.myAssignments(db, req.ctx, req.params.callId),
  );
  app.get('/api/expert/assignments/:id', { schema: { tags: TE, summary: '评审：申报材料与评分表', params: IdParams, response: { 200: ExpertAssignmentDetail } }, config: REVIEW }, async (req) =>
    scoring.assignmentDetail(db, req.ctx, req.params.id),
  );
  app.put('/api/expert/assignments/:id/scores', { schema: { tags: TE, summary: '暂存或提交评分', params: IdParams, body: ScoreBody, response: { 200: ExpertAssignmentDetail } }, config: REVIEW }, async (req) =>
    scoring.saveSheet(db, req.ctx, req.params.id, req.body),
  );
  app.get('/api/expert/assignments/:id/document.pdf', { schema: { tags: TE, summary: '评审：下载申报书 PDF（评审期间）', params: IdParams }, config: REVIEW }, async (req, reply) => {
    const { app: row } = await scoring.openForDownload(db, req.ctx, req.params.id);
    const doc = await applicationDocumentOf(db, row);
    const pdf = await pdfs.render(applicationTypst(doc));
    const name = `${row.number ?? '申报书'}${row.projectName ? `-${row.projectName}` : ''}.pdf`;
    return reply.type('application/pdf').header('cache-control', 'private, no-store').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`).send(Buffer.from(pdf));
  });
  app.get('/api/expert/assignments/:id/files/:fileId', { schema: { tags: TE, summary: '评审：下载申报附件（评审期间）', params: FileParams }, config: REVIEW }, async (req, reply) => {
    const { files } = await scoring.openForDownload(db, req.ctx, req.params.id);
    const file = files.find((f) => f.id === req.params.fileId);
    if (!file) throw notFound('附件');
    return reply.type(file.mime).header('cache-control', 'private, no-store').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`).header('x-content-sha256', file.sha256).send(blobs.open(file.sha256));
  });
  app.post('/api/expert/assignments/:id/conflict', { schema: { tags: TE, summary: '申明回避', params: IdParams, body: DeclareConflictBody, response: { 200: Ok } }, config: REVIEW }, async (req) => {
    await scoring.declareConflict(db, req.ctx, req.params.id, req.body.reason);
    return { ok: true as const };
  });

  // ---------------------------------------------------------------- 公示公告（公开）
  app.get('/api/public/notices', { schema: { tags: TP, summary: '公示与公布名单', response: { 200: PublicNoticeList } }, config: { action: 'public' } }, async () => decision.publicNotices(db));
  app.get('/api/public/notices/:id', { schema: { tags: TP, summary: '公示或公布名单详情', params: IdParams, response: { 200: PublicNotice } }, config: { action: 'public' } }, async (req) => decision.publicNotice(db, req.params.id));
  app.post(
    '/api/public/notices/:id/objections',
    {
      schema: { tags: TP, summary: '提出异议（公示期内；联系方式与证明材料）', params: IdParams, body: ObjectionBody, response: { 201: ObjectionReceipt } },
      bodyLimit: 24 * 1024 * 1024,
      config: { action: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => reply.status(201).send(await decision.lodgeObjection(db, req.ctx, blobs, req.params.id, req.body)),
  );
};
