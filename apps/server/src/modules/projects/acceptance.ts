import { createHash } from 'node:crypto';
import type { AcceptanceExperts, AcceptanceApplyBody, AcceptanceDecisionBody, AcceptanceReviewBody, AcceptanceRound, PanelBody, PreAcceptanceBody } from '@shenbao/contracts';
import { ACCEPTANCE_STATUS_LABELS, ledgerTableRows } from '@shenbao/contracts';
import { validateAnswers } from '@shenbao/rules';
import type { Db, DbOrTx } from '../../platform/database.ts';
import { hasRole, type Actor, type RequestContext } from '../../platform/context.ts';
import { AppError, conflict, forbidden, invalid } from '../../platform/errors.ts';
import { canonicalJson } from '../audit/index.ts';
import { can, displayNames, organisationFacts, organisationResource, requireActor } from '../identity/index.ts';
import { notifyOrganisation } from '../notifications/index.ts';
import { activeConflictSet, checkSheet, conflictEntries, conflictKey, expertsOfPools, poolsAvailableTo, rubricOf, weightedTotal } from '../selection/index.ts';
import { canonicalAnswers, checkSections, fileView, loadForWrite, loadProject, projectFiles, recordProjectEvent, requireActive, type LoadedProject } from './access.ts';
import { evaluateLedger, itemView } from './ledger.ts';
import { formatWan, fromDb, parseWan, toDb, toWan } from './money.ts';
import { shanghaiDate } from './schedule.ts';
import * as store from './store.ts';

const sha256 = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

// ---------------------------------------------------------------- view

export async function acceptanceView(db: DbOrTx, actor: Actor, loaded: LoadedProject, rounds: store.AcceptanceRow[]): Promise<AcceptanceRound[]> {
  const reviews = await store.reviewsOf(db, rounds.map((r) => r.id));
  const names = await displayNames(db, [...rounds.flatMap((r) => [...r.panelExpertIds, ...(r.preBy ? [r.preBy] : [])]), ...reviews.map((r) => r.expertUserId)]);
  const seesScores = loaded.resource.ownsCall || hasRole(actor, 'platform_admin');
  return rounds.map((r) => {
    const mine = reviews.filter((v) => v.acceptanceId === r.id);
    const totals = mine.filter((v) => v.total !== null && !v.conflictDeclared).map((v) => Number(v.total));
    return {
      id: r.id,
      round: r.round,
      status: r.status,
      statusLabel: ACCEPTANCE_STATUS_LABELS[r.status],
      report: r.report,
      performanceReport: r.performanceReport,
      answers: r.answers,
      files: r.files.map(fileView),
      ledgerSnapshot: r.ledgerSnapshot,
      actualInvestment: toWan(fromDb(r.actualInvestmentWan)!),
      sha256: r.sha256,
      submittedAt: r.submittedAt.toISOString(),
      submissions: r.submissions,
      pre: r.preDecision && r.preAt ? { decision: r.preDecision, opinion: r.preOpinion ?? '', at: r.preAt.toISOString(), by: r.preBy ? (names.get(r.preBy) ?? '') : '' } : null,
      panel: r.panelExpertIds.map((expertUserId) => {
        const v = mine.find((x) => x.expertUserId === expertUserId);
        const visible = v && (seesScores || expertUserId === actor.userId);
        return {
          expertUserId,
          name: names.get(expertUserId) ?? '',
          review: visible
            ? { scores: v.scores, comments: v.comments, total: v.total === null ? null : Number(v.total), recommendation: v.recommendation, opinion: v.opinion, conflict: v.conflictDeclared, submittedAt: v.submittedAt.toISOString() }
            : null,
        };
      }),
      meetingAt: r.meetingAt?.toISOString() ?? null,
      averageScore: seesScores && totals.length ? Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 100) / 100 : null,
      decision:
        r.decision && r.decidedAt
          ? {
              decision: r.decision,
              opinion: r.opinion ?? '',
              acceptedInvestment: r.acceptedInvestmentWan === null ? null : toWan(fromDb(r.acceptedInvestmentWan)!),
              replicableModel: r.replicableModel,
              rectificationDeadline: r.rectificationDeadline,
              at: r.decidedAt.toISOString(),
            }
          : null,
    };
  });
}

// ---------------------------------------------------------------- 验收申请


/**
 * 验收申请: the completion report (the pack's outline), the performance report (003 §16), the pack's acceptance form
 * with the ledger filled in, and the ledger itself — all checked, snapshotted and hashed. A first application, a
 * corrected one after the recommender returned it, or the second acceptance after rectification (before the deadline).
 */
export async function applyForAcceptance(db: Db, ctx: RequestContext, projectId: string, body: AcceptanceApplyBody): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    const loaded = await loadForWrite(tx, actor, projectId, 'project.apply', '验收申请由项目单位管理员提交');
    const { project, config, call } = loaded;
    requireActive(project);
    if (!config.steps.acceptance) throw conflict('本通知没有验收环节');
    if (config.steps.plan && (await store.plansOf(tx, projectId)).at(-1)?.status !== 'approved') throw conflict('实施方案批准后才能申请验收');
    if (config.steps.agreement && !(await store.findAgreement(tx, projectId))?.effectiveAt) throw conflict('实施协议签署生效后才能申请验收');
    const now = await store.now(tx);
    const today = shanghaiDate(now);
    const rounds = await store.acceptancesOf(tx, [projectId]);
    const current = rounds.at(-1);
    let round = 1;
    if (current) {
      if (current.status === 'returned') round = current.round;
      else if (current.status === 'failed' && project.status === 'rectifying' && current.round === 1) {
        round = 2;
        if (project.rectificationDeadline && today > project.rectificationDeadline) throw new AppError(409, 'deadline_passed', `整改期限（${project.rectificationDeadline}）已过，不能再申请第二次验收`);
      } else throw conflict(current.status === 'passed' ? '项目已通过验收' : '验收申请正在办理中');
    }

    const { acceptance: a } = config;
    const report = a.completionOutline.length || !a.form ? checkSections(body.report ?? {}, a.completionOutline, '/body/report', a.completionTitle) : emptyOrRefuse(body.report, '/body/report');
    const performanceReport = a.performanceOutline.length ? checkSections(body.performanceReport ?? {}, a.performanceOutline, '/body/performanceReport', a.performanceTitle) : emptyOrRefuse(body.performanceReport, '/body/performanceReport');

    const rows = await store.ledgerOf(tx, projectId);
    if (!rows.length) throw invalid('投资台账为空，请先录入项目已完成的投资清单', [{ path: '/ledger', message: '至少一条' }]);
    const ledger = await evaluateLedger(tx, loaded, rows, false);
    const ledgerErrors = ledger.findings.filter((f) => f.severity === 'error');
    if (ledgerErrors.length) throw new AppError(422, 'ledger_failed', `投资台账有${ledgerErrors.length}处问题，请修改后再申请验收`, ledgerErrors.map((f) => ({ path: `/ledger${f.path}`, message: f.message })));
    const items = itemView(loaded, rows);

    let answers: Record<string, unknown> = {};
    if (a.form) {
      answers = await canonicalAnswers(tx, projectId, a.form, body.answers ?? {}, ['acceptance', 'ledger'], '/body/answers');
      const table = a.ledgerField ? a.form.sections.flatMap((s) => s.fields).find((f) => f.id === a.ledgerField) : undefined;
      if (table?.type === 'table') answers[table.id] = ledgerTableRows(table, items);
      const fields = new Set(a.form.sections.flatMap((s) => s.fields.map((f) => f.id)));
      const agreement = await store.findAgreement(tx, projectId);
      if (fields.has('agreementNo') && agreement) answers.agreementNo = agreement.agreementNo;
      if (fields.has('acceptanceRound')) answers.acceptanceRound = round === 2 ? 'second' : 'first';
      if (round === 2 && fields.has('rectificationDeadline') && project.rectificationDeadline) answers.rectificationDeadline = project.rectificationDeadline;
      const org = await organisationFacts(tx, project.applicantOrganisationId);
      const result = await validateAnswers({ program: call.program, form: a.form, answers, context: { org, lists: {}, applications: [], call: { id: call.id, year: call.year }, now: now.toISOString() } });
      const errors = result.violations.filter((v) => v.severity === 'error');
      if (errors.length) throw new AppError(422, 'rules_failed', `验收申请有${errors.length}处不符合要求，请修改后再提交`, errors.map((e) => ({ path: `/body/answers${e.path}`, message: e.message })));
      answers = result.answers;
    }
    const files = await projectFiles(tx, projectId, body.fileIds, ['acceptance'], '/body/fileIds');
    const ledgerSnapshot = items.map((i) => ({ ...i })) as Record<string, unknown>[];
    const material = { projectId, round, report, performanceReport, answers, files, ledger: ledgerSnapshot, actualInvestmentWan: toDb(ledger.countedTotal) };
    const hash = sha256(material);
    const status = a.preAcceptance ? 'applied' : 'forwarded';
    const values = {
      status,
      report,
      performanceReport,
      answers,
      files,
      ledgerSnapshot,
      actualInvestmentWan: toDb(ledger.countedTotal),
      sha256: hash,
      submittedBy: actor.userId,
      submittedAt: now,
      preDecision: null,
      preOpinion: null,
      preBy: null,
      preAt: null,
    } as const;
    if (current?.status === 'returned') await store.updateAcceptance(tx, current.id, { ...values, submissions: current.submissions + 1 });
    else await store.insertAcceptance(tx, { projectId, round, ...values });
    await recordProjectEvent(tx, ctx, projectId, 'project.acceptance_apply', `${round === 2 ? '申请第二次验收' : '申请验收'}（实际投资额${formatWan(ledger.countedTotal)}）`, { round, sha256: hash, actualInvestmentWan: toDb(ledger.countedTotal) });
    const to = a.preAcceptance ? project.recommenderOrganisationId : call.issuerOrganisationId;
    if (to) {
      await notifyOrganisation(tx, { organisationId: to, type: 'project.acceptance_applied', title: a.preAcceptance ? '收到验收申请，请初验' : '收到验收申请', body: `「${project.name}」申请${round === 2 ? '第二次' : ''}验收。`, link: `/projects/${projectId}`, data: { projectId } });
    }
  });
}

function emptyOrRefuse(value: Record<string, string> | undefined, path: string): Record<string, string> {
  if (value && Object.keys(value).length) throw invalid('本通知的验收材料没有该报告', [{ path, message: '不适用' }]);
  return {};
}

async function currentRound(tx: DbOrTx, projectId: string) {
  const rounds = await store.acceptancesOf(tx, [projectId]);
  const r = rounds.at(-1);
  return r ? await store.findAcceptance(tx, projectId, r.round, true) : null;
}

// ---------------------------------------------------------------- 初验

/** 初验: the recommender forwards the application to the owner, or returns it to the applicant with an opinion. */
export async function preReview(db: Db, ctx: RequestContext, projectId: string, body: PreAcceptanceBody): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    const { project, call } = await loadForWrite(tx, actor, projectId, 'project.pre_accept', '初验由项目所在地的推荐单位办理');
    requireActive(project);
    const round = await currentRound(tx, projectId);
    if (round?.status !== 'applied') throw conflict('没有待初验的验收申请');
    const now = await store.now(tx);
    await store.updateAcceptance(tx, round.id, { status: body.decision, preDecision: body.decision, preOpinion: body.opinion.trim(), preBy: actor.userId, preAt: now });
    await recordProjectEvent(tx, ctx, projectId, `project.pre_acceptance_${body.decision === 'forwarded' ? 'forward' : 'return'}`, `初验${body.decision === 'forwarded' ? '通过，报请主管部门组织验收' : '退回'}：${body.opinion.trim()}`, { round: round.round });
    await notifyOrganisation(tx, {
      organisationId: project.applicantOrganisationId,
      type: `project.pre_acceptance_${body.decision}`,
      title: body.decision === 'forwarded' ? '验收申请已通过初验' : '验收申请被退回',
      body: `「${project.name}」${body.decision === 'forwarded' ? '已通过初验，报请主管部门组织专家验收' : `初验未通过：${body.opinion.trim()}`}。`,
      link: `/projects/${projectId}`,
      data: { projectId },
    });
    if (body.decision === 'forwarded' && call.issuerOrganisationId) {
      await notifyOrganisation(tx, { organisationId: call.issuerOrganisationId, type: 'project.acceptance_forwarded', title: '项目已通过初验，请组织验收', body: `「${project.name}」已通过初验：${body.opinion.trim()}`, link: `/projects/${projectId}`, data: { projectId } });
    }
  });
}

// ---------------------------------------------------------------- 验收专家组

/** 验收专家候选: who the owner may put on the panel, with each conflict named before anyone is chosen. */
export async function panelCandidates(db: Db, ctx: RequestContext, projectId: string): Promise<AcceptanceExperts> {
  const actor = requireActor(ctx);
  const { project, call, resource } = await loadProject(db, actor, projectId);
  if (!can(actor, 'project.own', resource)) throw forbidden('验收专家组由主管部门组织');
  const issuer = call.issuerOrganisationId ? await organisationResource(db, call.issuerOrganisationId) : null;
  if (!issuer) return { items: [] };
  const experts = await expertsOfPools(db, (await poolsAvailableTo(db, issuer.id, issuer.ancestorIds)).map((p) => p.id));
  const applicant = await organisationFacts(db, project.applicantOrganisationId);
  const entries = conflictEntries(experts, [{ organisationId: project.applicantOrganisationId, name: applicant?.name ?? '' }], [], Number(shanghaiDate(await store.now(db)).slice(0, 4)));
  const round = await currentRound(db, projectId);
  const declared = new Set(round ? (await store.reviewsOf(db, [round.id])).filter((r) => r.conflictDeclared).map((r) => r.expertUserId) : []);
  return {
    items: experts.map((e) => ({
      userId: e.userId,
      name: e.name,
      title: e.title,
      employerName: e.employerName,
      expertise: e.expertise,
      poolName: e.poolName,
      conflict: declared.has(e.userId) ? '本人已声明回避' : (entries.find((c) => c.expertUserId === e.userId && c.state === 'active')?.reason ?? null),
    })),
  };
}

/**
 * 组织验收专家组: experts of the pools the owner may draw on, none in conflict with the applicant (same or former
 * employer, from the review module's conflict rules) and none who declared a conflict on this acceptance.
 */
export async function formPanel(db: Db, ctx: RequestContext, projectId: string, body: PanelBody): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    const { project, config, call } = await loadForWrite(tx, actor, projectId, 'project.own', '验收专家组由主管部门组织');
    requireActive(project);
    const round = await currentRound(tx, projectId);
    if (!round || (round.status !== 'forwarded' && round.status !== 'panel')) throw conflict('验收申请初验通过后才能组织专家验收');
    const ids = [...new Set(body.expertUserIds)];
    if (ids.length < config.acceptance.minPanelSize) throw invalid(`验收专家组至少${config.acceptance.minPanelSize}人`, [{ path: '/body/expertUserIds', message: `至少${config.acceptance.minPanelSize}人` }]);
    const issuer = call.issuerOrganisationId ? await organisationResource(tx, call.issuerOrganisationId) : null;
    if (!issuer) throw conflict('本通知尚未确定发文单位，无法确定可用的专家库');
    const pools = await poolsAvailableTo(tx, issuer.id, issuer.ancestorIds);
    const experts = await expertsOfPools(tx, pools.map((p) => p.id));
    const unknown = ids.filter((id) => !experts.some((e) => e.userId === id));
    if (unknown.length) throw invalid('所选人员不是可用专家库中的评审专家', unknown.map((id) => ({ path: `/body/expertUserIds/${ids.indexOf(id)}`, message: '不在可用专家库中' })));
    const chosen = ids.map((id) => experts.find((e) => e.userId === id)!); // in the order the owner gave
    const applicant = await organisationFacts(tx, project.applicantOrganisationId);
    const entries = conflictEntries(chosen, [{ organisationId: project.applicantOrganisationId, name: applicant?.name ?? '' }], [], Number(shanghaiDate(await store.now(tx)).slice(0, 4)));
    const blocked = activeConflictSet(entries);
    const reviews = await store.reviewsOf(tx, [round.id]);
    const declared = new Set(reviews.filter((r) => r.conflictDeclared).map((r) => r.expertUserId));
    const conflicts = chosen.filter((e) => blocked.has(conflictKey(e.userId, project.applicantOrganisationId)) || declared.has(e.userId));
    if (conflicts.length) {
      throw new AppError(
        409,
        'conflict_of_interest',
        `${conflicts.map((e) => e.name).join('、')}须回避`,
        conflicts.map((e) => ({
          path: `/body/expertUserIds/${ids.indexOf(e.userId)}`,
          message: declared.has(e.userId) ? '本人已声明回避' : (entries.find((c) => c.expertUserId === e.userId && c.state === 'active')?.reason ?? '存在利益冲突'),
        })),
      );
    }
    const removed = round.panelExpertIds.filter((id) => !ids.includes(id) && !declared.has(id));
    await store.deleteReviews(tx, round.id, removed);
    const now = await store.now(tx);
    await store.updateAcceptance(tx, round.id, { status: 'panel', panelExpertIds: ids, panelFormedBy: actor.userId, panelFormedAt: now, meetingAt: body.meetingAt ? new Date(body.meetingAt) : null });
    await recordProjectEvent(tx, ctx, projectId, 'project.acceptance_panel', `组织验收专家组：${chosen.map((e) => e.name).join('、')}`, { round: round.round, experts: ids, removed });
    for (const e of chosen.filter((x) => !round.panelExpertIds.includes(x.userId))) {
      await notifyOrganisation(tx, { organisationId: e.poolOrganisationId, userId: e.userId, type: 'project.acceptance_panel', title: '验收评审任务', body: `请参加「${project.name}」的${round.round === 2 ? '第二次' : ''}验收评审${body.meetingAt ? `（${new Date(body.meetingAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}）` : ''}。`, link: `/projects/${projectId}`, data: { projectId } });
    }
  });
}

/** 专家验收意见: scores against the pack's acceptance rubric (if any), a recommendation and an opinion — or a declared conflict. */
export async function reviewAcceptance(db: Db, ctx: RequestContext, projectId: string, body: AcceptanceReviewBody): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    const { project, config, call } = await loadForWrite(tx, actor, projectId, 'project.expert', '只有验收专家组成员可以提交验收意见');
    requireActive(project);
    const round = await currentRound(tx, projectId);
    if (round?.status !== 'panel') throw conflict('本项目当前没有进行中的专家验收');
    if (!round.panelExpertIds.includes(actor.userId)) throw forbidden('您不在本轮验收专家组中');
    if (body.conflict) {
      await store.upsertReview(tx, { acceptanceId: round.id, expertUserId: actor.userId, scores: {}, comments: {}, total: null, recommendation: null, opinion: null, conflictDeclared: body.conflict.trim() });
      await recordProjectEvent(tx, ctx, projectId, 'project.acceptance_conflict', `验收专家声明回避：${body.conflict.trim()}`, { round: round.round });
      if (call.issuerOrganisationId) {
        await notifyOrganisation(tx, { organisationId: call.issuerOrganisationId, type: 'project.acceptance_conflict', title: '验收专家声明回避', body: `「${project.name}」的验收专家${actor.displayName}声明回避，请调整专家组。`, link: `/projects/${projectId}`, data: { projectId } });
      }
      return;
    }
    const errors = [];
    if (!body.recommendation) errors.push({ path: '/body/recommendation', message: '请给出是否通过验收的意见' });
    if (!body.opinion?.trim()) errors.push({ path: '/body/opinion', message: '请填写验收意见' });
    let total: number | null = null;
    const rubricSource = config.acceptance.rubric;
    if (rubricSource) {
      const rubric = rubricOf({ ...call.program, rubric: rubricSource });
      const sheet = { scores: body.scores ?? {}, comments: body.comments ?? {}, opinion: body.opinion ?? '', submit: true };
      errors.push(...checkSheet(rubric, sheet).filter((e) => e.path !== '/opinion').map((e) => ({ path: `/body${e.path}`, message: e.message })));
      if (!errors.length) total = weightedTotal(rubric, sheet.scores);
    }
    if (errors.length) throw invalid('验收意见不完整', errors);
    await store.upsertReview(tx, {
      acceptanceId: round.id,
      expertUserId: actor.userId,
      scores: rubricSource ? (body.scores ?? {}) : {},
      comments: rubricSource ? (body.comments ?? {}) : {},
      total: total === null ? null : total.toFixed(2),
      recommendation: body.recommendation!,
      opinion: body.opinion!.trim(),
      conflictDeclared: null,
    });
    await recordProjectEvent(tx, ctx, projectId, 'project.acceptance_review', `验收专家提交意见（${body.recommendation === 'pass' ? '建议通过' : '建议不通过'}）`, { round: round.round, total });
  });
}

/**
 * 验收结论: passed (the accepted investment sets the final subsidy; the pack's title when a replicable model was
 * formed) or failed (first time: a rectification deadline and a second acceptance; second time: closed as failed).
 */
export async function decideAcceptance(db: Db, ctx: RequestContext, projectId: string, body: AcceptanceDecisionBody): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    const { project, config } = await loadForWrite(tx, actor, projectId, 'project.own', '验收结论由主管部门作出');
    requireActive(project);
    const round = await currentRound(tx, projectId);
    if (round?.status !== 'panel') throw conflict('专家验收进行中才能作出验收结论');
    const reviews = await store.reviewsOf(tx, [round.id]);
    const members = round.panelExpertIds.filter((id) => !reviews.some((r) => r.expertUserId === id && r.conflictDeclared));
    const pending = members.filter((id) => !reviews.some((r) => r.expertUserId === id && r.recommendation));
    if (pending.length) {
      const names = await displayNames(tx, pending);
      throw conflict(`尚有专家未提交验收意见：${pending.map((id) => names.get(id) ?? id).join('、')}`);
    }
    if (members.length < config.acceptance.minPanelSize) throw conflict(`有效的验收专家意见不足${config.acceptance.minPanelSize}份（有专家声明回避），请调整专家组`);
    const now = await store.now(tx);
    const today = shanghaiDate(now);
    const actual = fromDb(round.actualInvestmentWan)!;
    if (body.decision === 'passed') {
      const accepted = body.acceptedInvestment === undefined ? actual : parseWan(body.acceptedInvestment, '/body/acceptedInvestment');
      if (accepted > actual) throw invalid(`认定的实际投资额不能超过台账的实际投资额${formatWan(actual)}`, [{ path: '/body/acceptedInvestment', message: `至多${toWan(actual)}万元` }]);
      const honours = config.honours;
      const grant = honours?.grantedAt === 'acceptance' && (!honours.requiresReplicableModel || body.replicableModel === true);
      const demoEnds = grant && honours?.demonstrationYears ? yearsAfter(today, honours.demonstrationYears) : project.demonstrationEndsOn;
      await store.updateAcceptance(tx, round.id, { status: 'passed', decision: 'passed', opinion: body.opinion.trim(), acceptedInvestmentWan: toDb(accepted), replicableModel: body.replicableModel ?? null, decidedBy: actor.userId, decidedAt: now });
      await store.updateProject(tx, projectId, {
        status: 'accepted',
        acceptedInvestmentWan: toDb(accepted),
        closedAt: now,
        rectificationDeadline: null,
        ...(grant ? { title: honours!.title, titleGrantedAt: now, demonstrationEndsOn: demoEnds } : {}),
      });
      await recordProjectEvent(tx, ctx, projectId, 'project.acceptance_pass', `通过验收（认定实际投资额${formatWan(accepted)}）${grant ? `，授予“${honours!.title}”称号` : ''}：${body.opinion.trim()}`, {
        round: round.round,
        acceptedInvestmentWan: toDb(accepted),
        title: grant ? honours!.title : null,
      });
      await notify(tx, project, '项目通过验收', `「${project.name}」通过验收${grant ? `，授予“${honours!.title}”称号` : ''}。`);
      return;
    }
    if (round.round === 1) {
      if (!body.rectificationDeadline) throw invalid('未通过验收的须确定整改期限', [{ path: '/body/rectificationDeadline', message: '必填' }]);
      if (body.rectificationDeadline <= today) throw invalid('整改期限须晚于今天', [{ path: '/body/rectificationDeadline', message: '须晚于今天' }]);
      await store.updateAcceptance(tx, round.id, { status: 'failed', decision: 'failed', opinion: body.opinion.trim(), rectificationDeadline: body.rectificationDeadline, decidedBy: actor.userId, decidedAt: now });
      await store.updateProject(tx, projectId, { status: 'rectifying', rectificationDeadline: body.rectificationDeadline });
      await recordProjectEvent(tx, ctx, projectId, 'project.acceptance_fail', `未通过验收，限期于${body.rectificationDeadline}前整改后申请第二次验收：${body.opinion.trim()}`, { round: 1, rectificationDeadline: body.rectificationDeadline });
      await notify(tx, project, '项目未通过验收，请限期整改', `「${project.name}」未通过验收：${body.opinion.trim()}。请于${body.rectificationDeadline}前完成整改并申请第二次验收。`);
      return;
    }
    if (body.rectificationDeadline) throw invalid('第二次验收未通过的项目不再整改', [{ path: '/body/rectificationDeadline', message: '不适用' }]);
    await store.updateAcceptance(tx, round.id, { status: 'failed', decision: 'failed', opinion: body.opinion.trim(), decidedBy: actor.userId, decidedAt: now });
    await store.updateProject(tx, projectId, { status: 'failed', closedAt: now });
    await recordProjectEvent(tx, ctx, projectId, 'project.acceptance_fail', `第二次验收未通过，项目终止：${body.opinion.trim()}`, { round: 2 });
    await notify(tx, project, '项目第二次验收未通过', `「${project.name}」第二次验收未通过，项目终止：${body.opinion.trim()}。`);
  });
}

/** A date `years` later (29 February rolls over to 1 March). */
function yearsAfter(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

async function notify(tx: DbOrTx, project: store.ProjectRow, title: string, body: string) {
  const data = { projectId: project.id };
  await notifyOrganisation(tx, { organisationId: project.applicantOrganisationId, type: 'project.acceptance_decided', title, body, link: `/projects/${project.id}`, data });
  if (project.recommenderOrganisationId) await notifyOrganisation(tx, { organisationId: project.recommenderOrganisationId, type: 'project.acceptance_decided', title: `辖区${title}`, body, link: `/projects/${project.id}`, data });
}

