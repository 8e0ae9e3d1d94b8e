import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AcceptanceExperts,
  AcceptanceApplyBody,
  AcceptanceDecisionBody,
  AcceptanceReviewBody,
  AgreementBody,
  BanList,
  DecisionOpinionBody,
  FileUploadQuery,
  Ledger,
  LedgerItem,
  LedgerItemBody,
  Ok,
  OverdueReports,
  PanelBody,
  PaymentBody,
  PlanBody,
  PreAcceptanceBody,
  ProjectDetail,
  ProjectFile,
  ProjectList,
  ProjectQuery,
  ReportBody,
  SanctionBody,
  SignBody,
  SubsidyPlan,
  SubsidySummary,
  SubsidySummaryQuery,
} from '@shenbao/contracts';
import type { AppDeps } from '../../platform/http.ts';
import { BlobStore } from '../../platform/blob-store.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import * as acceptance from './acceptance.ts';
import * as funding from './funding.ts';
import * as ledger from './ledger.ts';
import * as ledgerExport from './ledger-export.ts';
import * as projects from './service.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const ItemParams = Type.Object({ id: Type.String({ format: 'uuid' }), itemId: Type.String({ format: 'uuid' }) });
const FileParams = Type.Object({ id: Type.String({ format: 'uuid' }), fileId: Type.String({ format: 'uuid' }) });
const CallFilter = Type.Object({ callId: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false });
const TAGS = ['项目管理'];
const MAX_FILE_BYTES = 50 * 1024 * 1024;
const ok = { ok: true as const };

export const projectRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { database, config }) => {
  const { db } = database;
  const blobs = new BlobStore(config.blobDir);

  app.get(
    '/api/projects',
    { schema: { tags: TAGS, summary: '项目列表（项目单位：本单位；推荐单位：本辖区；主管部门：本部门通知的；专家：所在验收专家组的）', querystring: ProjectQuery, response: { 200: ProjectList } }, config: { action: 'project.read' } },
    async (request) => projects.listProjects(db, request.ctx, request.query),
  );
  app.get(
    '/api/projects/:id',
    { schema: { tags: TAGS, summary: '项目详情：实施方案、实施协议、季度报告、台账汇总、验收、资金、称号与处理，以及当前用户可办理的事项', params: IdParams, response: { 200: ProjectDetail } }, config: { action: 'project.read' } },
    async (request) => projects.getProject(db, request.ctx, request.params.id),
  );

  // Scans and documents: the raw file as the body (application/pdf, image/jpeg, image/png, application/octet-stream).
  app.addContentTypeParser(['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_request, body, done) => done(null, body));
  app.post(
    '/api/projects/:id/files',
    {
      bodyLimit: MAX_FILE_BYTES,
      schema: { tags: TAGS, summary: '上传项目材料（请求体为文件本身，至多50MB；按内容核对类型）', params: IdParams, querystring: FileUploadQuery, response: { 201: ProjectFile } },
      config: { action: 'project.upload' },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw invalid('请上传文件内容', [{ path: '/body', message: '文件为空' }]);
      const file = await projects.addFile(db, request.ctx, request.params.id, request.query, body, blobs);
      return reply.status(201).send(file);
    },
  );
  app.get(
    '/api/projects/:id/files/:fileId',
    { schema: { tags: TAGS, summary: '下载项目材料', params: FileParams }, config: { action: 'project.read' } },
    async (request, reply) => {
      const file = await projects.findFile(db, request.ctx, request.params.id, request.params.fileId);
      if (!file) throw notFound('文件');
      return reply.type(file.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`).header('x-content-sha256', file.sha256).send(blobs.open(file.sha256));
    },
  );

  // ---- 实施方案与实施协议
  app.post(
    '/api/projects/:id/plan',
    { schema: { tags: TAGS, summary: '提交实施方案（按配置包的提纲逐章填写；每版留存并计算哈希）', params: IdParams, body: PlanBody, response: { 200: Ok } }, config: { action: 'project.apply' } },
    async (request) => (await projects.submitPlan(db, request.ctx, request.params.id, request.body), ok),
  );
  app.post(
    '/api/projects/:id/plan/decision',
    { schema: { tags: TAGS, summary: '审核实施方案：批准或退回（主管部门）', params: IdParams, body: DecisionOpinionBody, response: { 200: Ok } }, config: { action: 'project.own' } },
    async (request) => (await projects.decidePlan(db, request.ctx, request.params.id, request.body), ok),
  );
  app.put(
    '/api/projects/:id/agreement',
    { schema: { tags: TAGS, summary: '拟定实施协议（主管部门；文本的 SHA-256 即双方签署的对象）', params: IdParams, body: AgreementBody, response: { 200: Ok } }, config: { action: 'project.own' } },
    async (request) => (await projects.prepareAgreement(db, request.ctx, request.params.id, request.body), ok),
  );
  app.post(
    '/api/projects/:id/agreement/sign',
    { schema: { tags: TAGS, summary: '签署实施协议（签署人姓名、所读文本的哈希；双方签署后生效）', params: IdParams, body: SignBody, response: { 200: Ok } }, config: { action: 'project.sign' } },
    async (request) => (await projects.signAgreement(db, request.ctx, request.params.id, request.body), ok),
  );

  // ---- 季度进展报告
  app.post(
    '/api/projects/:id/reports',
    { schema: { tags: TAGS, summary: '报送季度进展报告（季度末起可报；逾期以服务器时间为准）', params: IdParams, body: ReportBody, response: { 200: Ok } }, config: { action: 'project.fill' } },
    async (request) => (await projects.submitReport(db, request.ctx, request.params.id, request.body), ok),
  );
  app.get(
    '/api/project-reports/overdue',
    { schema: { tags: TAGS, summary: '逾期报送与逾期未报的季度报告（推荐单位：本辖区；主管部门：本部门通知的全部）', querystring: CallFilter, response: { 200: OverdueReports } }, config: { action: 'project.supervise' } },
    async (request) => projects.overdueReports(db, request.ctx, request.query),
  );

  // ---- 投资台账
  app.get(
    '/api/projects/:id/ledger.xlsx',
    { schema: { tags: TAGS, summary: '项目已完成的投资清单（Excel，按通知附表格式）', params: IdParams }, config: { action: 'project.read' } },
    async (request, reply) => {
      const { fileName, buffer } = await ledgerExport.ledgerXlsx(db, request.ctx, request.params.id);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`).send(buffer);
    },
  );
  app.get(
    '/api/projects/:id/ledger.pdf',
    { schema: { tags: TAGS, summary: '项目已完成的投资清单（PDF，按通知附表格式）', params: IdParams }, config: { action: 'project.read' } },
    async (request, reply) => {
      const { fileName, buffer } = await ledgerExport.ledgerPdf(db, request.ctx, request.params.id);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`).send(buffer);
    },
  );
  app.get(
    '/api/projects/:id/ledger',
    { schema: { tags: TAGS, summary: '投资台账及检查结果（主管部门另见跨项目发票查重）', params: IdParams, response: { 200: Ledger } }, config: { action: 'project.read' } },
    async (request) => ledger.getLedger(db, request.ctx, request.params.id),
  );
  app.post(
    '/api/projects/:id/ledger',
    { schema: { tags: TAGS, summary: '新增台账条目', params: IdParams, body: LedgerItemBody, response: { 201: LedgerItem } }, config: { action: 'project.fill' } },
    async (request, reply) => reply.status(201).send(await ledger.addLedgerItem(db, request.ctx, request.params.id, request.body)),
  );
  app.put(
    '/api/projects/:id/ledger/:itemId',
    { schema: { tags: TAGS, summary: '修改台账条目（带版本号）', params: ItemParams, body: LedgerItemBody, response: { 200: LedgerItem } }, config: { action: 'project.fill' } },
    async (request) => ledger.updateLedgerItem(db, request.ctx, request.params.id, request.params.itemId, request.body),
  );
  app.delete(
    '/api/projects/:id/ledger/:itemId',
    { schema: { tags: TAGS, summary: '删除台账条目', params: ItemParams, response: { 200: Ok } }, config: { action: 'project.fill' } },
    async (request) => (await ledger.deleteLedgerItem(db, request.ctx, request.params.id, request.params.itemId), ok),
  );

  // ---- 验收
  app.post(
    '/api/projects/:id/acceptance',
    { schema: { tags: TAGS, summary: '申请验收（竣工总结报告、绩效评估专题报告、验收表单、投资台账；退回后重新申请；整改后申请第二次验收）', params: IdParams, body: AcceptanceApplyBody, response: { 200: Ok } }, config: { action: 'project.apply' } },
    async (request) => (await acceptance.applyForAcceptance(db, request.ctx, request.params.id, request.body), ok),
  );
  app.post(
    '/api/projects/:id/acceptance/pre-review',
    { schema: { tags: TAGS, summary: '初验：报请验收或退回（推荐单位）', params: IdParams, body: PreAcceptanceBody, response: { 200: Ok } }, config: { action: 'project.pre_accept' } },
    async (request) => (await acceptance.preReview(db, request.ctx, request.params.id, request.body), ok),
  );
  app.get(
    '/api/projects/:id/acceptance/experts',
    { schema: { tags: TAGS, summary: '验收专家候选（可用专家库，逐人标明须回避的原因）', params: IdParams, response: { 200: AcceptanceExperts } }, config: { action: 'project.own' } },
    async (request) => acceptance.panelCandidates(db, request.ctx, request.params.id),
  );
  app.put(
    '/api/projects/:id/acceptance/panel',
    { schema: { tags: TAGS, summary: '组织验收专家组（可用专家库中的专家，回避检查）', params: IdParams, body: PanelBody, response: { 200: Ok } }, config: { action: 'project.own' } },
    async (request) => (await acceptance.formPanel(db, request.ctx, request.params.id, request.body), ok),
  );
  app.post(
    '/api/projects/:id/acceptance/review',
    { schema: { tags: TAGS, summary: '验收专家提交评分与意见，或声明回避', params: IdParams, body: AcceptanceReviewBody, response: { 200: Ok } }, config: { action: 'project.expert' } },
    async (request) => (await acceptance.reviewAcceptance(db, request.ctx, request.params.id, request.body), ok),
  );
  app.post(
    '/api/projects/:id/acceptance/decision',
    { schema: { tags: TAGS, summary: '验收结论：通过（认定实际投资额、授予称号）或不通过（限期整改；第二次不通过即终止）', params: IdParams, body: AcceptanceDecisionBody, response: { 200: Ok } }, config: { action: 'project.own' } },
    async (request) => (await acceptance.decideAcceptance(db, request.ctx, request.params.id, request.body), ok),
  );

  // ---- 资金、处理
  app.post(
    '/api/projects/:id/payments',
    { schema: { tags: TAGS, summary: '记录拨付：省级补助（按批次）、市级配套、收回', params: IdParams, body: PaymentBody, response: { 200: SubsidyPlan } }, config: { action: 'project.pay' } },
    async (request) => funding.recordPayment(db, request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/subsidies/summary',
    { schema: { tags: TAGS, summary: '资金汇总（按通知、城市、年度）', querystring: SubsidySummaryQuery, response: { 200: SubsidySummary } }, config: { action: 'subsidy.read' } },
    async (request) => funding.subsidySummary(db, request.ctx, request.query),
  );
  app.post(
    '/api/projects/:id/sanctions',
    { schema: { tags: TAGS, summary: '弄虚作假处理：撤销项目、取消称号、收回资金、禁止申报', params: IdParams, body: SanctionBody, response: { 200: Ok } }, config: { action: 'project.own' } },
    async (request) => (await funding.sanction(db, request.ctx, request.params.id, request.body), ok),
  );
  app.get(
    '/api/bans',
    { schema: { tags: TAGS, summary: '禁止申报名单（项目单位：本单位；推荐单位：本辖区；主管部门：全部）', response: { 200: BanList } }, config: { action: 'ban.read' } },
    async (request) => funding.listBans(db, request.ctx),
  );

  // Reminders before and after each report's due date: hourly, first a minute after start; the database decides who sends.
  const sweep = () => void projects.sendReportReminders(db, new Date()).catch((error) => app.log.warn({ err: error }, 'report reminder sweep failed'));
  const first = setTimeout(sweep, 60_000);
  const sweeper = setInterval(sweep, 3_600_000);
  first.unref();
  sweeper.unref();
  app.addHook('onClose', async () => {
    clearTimeout(first);
    clearInterval(sweeper);
  });
};
