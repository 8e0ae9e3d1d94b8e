import type { BanList, PaymentBody, SanctionBody, SubsidyPlan, SubsidySummary } from '@shenbao/contracts';
import { PAYMENT_KIND_LABELS } from '@shenbao/contracts';
import type { Db, DbOrTx } from '../../platform/database.ts';
import { hasRole, type RequestContext } from '../../platform/context.ts';
import { conflict, forbidden, invalid } from '../../platform/errors.ts';
import { organisationNames, organisationSubtreeIds, requireActor } from '../identity/index.ts';
import { callsIssuedBy } from '../programs/index.ts';
import { notifyOrganisation } from '../notifications/index.ts';
import { applicationAnswers, loadCall, loadForWrite, loadProject, plannedInvestment, recordProjectEvent, type LoadedProject } from './access.ts';
import { formatWan, fromDb, parseWan, sum, toDb, toWan, type Hundredths } from './money.ts';
import { payableNow, subsidyPlan, type SubsidyPlanResult } from './subsidy.ts';
import * as store from './store.ts';

/** The subsidy of one project as the pack's policy computes it, with every payment recorded. */
export async function subsidyOf(db: DbOrTx, loaded: LoadedProject): Promise<{ view: SubsidyPlan; plan: SubsidyPlanResult } | null> {
  const funding = loaded.config.funding;
  if (!funding) return null;
  const { project } = loaded;
  const payments = await store.paymentsOf(db, project.id);
  const planned = plannedInvestment(loaded.config, await applicationAnswers(db, project));
  const paidByTranche = funding.tranches.map((_, i) => sum(payments.filter((p) => p.kind === 'provincial' && p.tranche === i).map((p) => fromDb(p.amountWan)!)));
  const plan = subsidyPlan(funding, {
    plannedBasis: planned.counted,
    acceptedBasis: project.status === 'accepted' ? fromDb(project.acceptedInvestmentWan) : null,
    paidByTranche,
    accepted: project.status === 'accepted',
    active: project.status !== 'revoked' && project.status !== 'failed',
  });
  const sanctions = await store.sanctionsOf(db, project.id);
  const names = await organisationNames(db, payments.map((p) => p.payerOrganisationId));
  const kindSum = (kind: string) => sum(payments.filter((p) => p.kind === kind).map((p) => fromDb(p.amountWan)!));
  const w = (h: Hundredths | null) => (h === null ? null : toWan(h));
  return {
    plan,
    view: {
      rate: funding.subsidyRate,
      capWan: funding.capWan,
      basis: funding.basis,
      estimate: w(plan.estimate),
      final: w(plan.final),
      capApplied: plan.capApplied,
      tranches: plan.tranches.map((t) => ({ index: t.index, label: t.label, stage: t.stage, share: t.share, planned: w(t.planned), paid: toWan(t.paid), open: t.open, remaining: w(t.remaining) })),
      paid: toWan(plan.paid),
      overpaid: toWan(plan.overpaid),
      cityMatching: funding.cityMatching,
      cityMatchingPaid: toWan(kindSum('city_matching')),
      toRecover: toWan(sum(sanctions.map((s) => fromDb(s.recoverWan)!))),
      recovered: toWan(kindSum('recovery')),
      payments: payments.map((p) => ({
        id: p.id,
        kind: p.kind,
        kindLabel: PAYMENT_KIND_LABELS[p.kind],
        tranche: p.tranche,
        amount: toWan(fromDb(p.amountWan)!),
        paidOn: p.paidOn,
        voucherNo: p.voucherNo,
        note: p.note,
        payerName: names.get(p.payerOrganisationId) ?? '',
        recordedAt: p.recordedAt.toISOString(),
      })),
    },
  };
}

/**
 * 记录拨付: the owner records a tranche of the provincial subsidy (within what the policy allows now) or money
 * recovered; the owner or the city records the city's matching funds.
 */
export async function recordPayment(db: Db, ctx: RequestContext, projectId: string, body: PaymentBody): Promise<SubsidyPlan> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    const loaded = await loadForWrite(tx, actor, projectId, 'project.pay', '只有主管部门可以记录补助资金拨付，市级配套资金由所在市记录');
    const { project, resource, config } = loaded;
    if (!config.funding) throw conflict('本通知未规定资金支持，无需记录拨付');
    const isOwner = resource.ownsCall && hasRole(actor, 'program_officer');
    if (body.kind !== 'city_matching' && !isOwner) throw forbidden('省级补助资金的拨付和收回由主管部门记录');
    const amount = parseWan(body.amount, '/body/amount');
    const current = (await subsidyOf(tx, loaded))!;
    if (body.kind === 'provincial') {
      if (body.tranche === undefined) throw invalid('请选择拨付批次', [{ path: '/body/tranche', message: `应为 0–${config.funding.tranches.length - 1}` }]);
      const tranche = current.plan.tranches[body.tranche];
      if (!tranche) throw invalid('拨付批次不存在', [{ path: '/body/tranche', message: `本通知分${config.funding.tranches.length}次拨付` }]);
      if (!tranche.open) {
        throw conflict(project.status === 'revoked' || project.status === 'failed' ? '项目已终止，不能再拨付补助资金' : `「${tranche.label}」须待项目验收合格后拨付`);
      }
      const payable = payableNow(current.plan, body.tranche) ?? 0;
      if (amount > payable) {
        throw invalid(`超出可拨付金额：「${tranche.label}」目前至多可拨付${formatWan(payable)}`, [{ path: '/body/amount', message: `至多${toWan(payable)}万元` }]);
      }
    } else if (body.tranche !== undefined) {
      throw invalid('只有省级补助资金分批次', [{ path: '/body/tranche', message: '不适用' }]);
    }
    if (body.kind === 'city_matching' && !config.funding.cityMatching) throw conflict('本通知未规定市级配套资金');
    if (body.kind === 'recovery') {
      const owed = Math.round(current.view.toRecover * 100) - Math.round(current.view.recovered * 100);
      if (owed <= 0) throw conflict('没有待收回的补助资金');
      if (amount > owed) throw invalid(`收回金额超出应收回的${formatWan(owed)}`, [{ path: '/body/amount', message: `至多${toWan(owed)}万元` }]);
    }
    await store.insertPayment(tx, {
      projectId,
      kind: body.kind,
      tranche: body.tranche ?? null,
      amountWan: toDb(amount),
      paidOn: body.paidOn,
      voucherNo: body.voucherNo.trim(),
      note: body.note?.trim() || null,
      payerOrganisationId: actor.organisationId,
      recordedBy: actor.userId,
    });
    await recordProjectEvent(tx, ctx, projectId, `project.payment_${body.kind}`, `${PAYMENT_KIND_LABELS[body.kind]}${formatWan(amount)}（${body.paidOn}，凭证号${body.voucherNo}）`, {
      kind: body.kind,
      tranche: body.tranche ?? null,
      amountWan: toDb(amount),
      paidOn: body.paidOn,
      voucherNo: body.voucherNo,
    });
    if (body.kind !== 'recovery') {
      await notifyOrganisation(tx, { organisationId: project.applicantOrganisationId, type: 'project.payment', title: `${PAYMENT_KIND_LABELS[body.kind]}已拨付`, body: `「${project.name}」${PAYMENT_KIND_LABELS[body.kind]}${formatWan(amount)}已于${body.paidOn}拨付。`, link: `/projects/${projectId}`, data: { projectId } });
    }
  });
  return (await subsidyOf(db, await loadProject(db, actor, projectId)))!.view;
}

/** 资金汇总: paid per call, city and year, over the calls the officer's department (or its subtree) issued. */
export async function subsidySummary(db: Db, ctx: RequestContext, query: { callId?: string; year?: number }): Promise<SubsidySummary> {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'program_officer', 'platform_admin')) throw forbidden('资金汇总由主管部门查看');
  let callIds = hasRole(actor, 'platform_admin') ? null : await callsIssuedBy(db, await organisationSubtreeIds(db, actor.organisationId));
  if (query.callId) callIds = callIds === null || callIds.includes(query.callId) ? [query.callId] : [];
  if (callIds === null) callIds = (await store.listProjects(db, undefined, {})).map((p) => p.callId).filter((v, i, a) => a.indexOf(v) === i);
  const rows = await store.paymentTotals(db, callIds, query.year ?? null);
  const names = await organisationNames(db, rows.map((r) => r.recommender_organisation_id).filter((x): x is string => Boolean(x)));
  const titles = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.call_id))) titles.set(id, (await loadCall(db, id)).title);
  const grouped = new Map<string, SubsidySummary['rows'][number]>();
  for (const r of rows) {
    const key = `${r.call_id}|${r.recommender_organisation_id}|${r.year}`;
    const g = grouped.get(key) ?? {
      callId: r.call_id,
      callTitle: titles.get(r.call_id) ?? r.call_id,
      recommenderOrganisationId: r.recommender_organisation_id,
      cityName: r.recommender_organisation_id ? (names.get(r.recommender_organisation_id) ?? '') : '（直报）',
      year: r.year,
      projects: 0,
      provincial: 0,
      cityMatching: 0,
      recovered: 0,
    };
    const amount = fromDb(r.total)!;
    if (r.kind === 'provincial') g.provincial = toWan(Math.round(g.provincial * 100) + amount);
    if (r.kind === 'city_matching') g.cityMatching = toWan(Math.round(g.cityMatching * 100) + amount);
    if (r.kind === 'recovery') g.recovered = toWan(Math.round(g.recovered * 100) + amount);
    g.projects = Math.max(g.projects, r.projects);
    grouped.set(key, g);
  }
  const list = [...grouped.values()];
  const total = (k: 'provincial' | 'cityMatching' | 'recovered') => toWan(sum(list.map((r) => Math.round(r[k] * 100))));
  return { rows: list, totals: { provincial: total('provincial'), cityMatching: total('cityMatching'), recovered: total('recovered') } };
}

/**
 * 处理 (003 第十七条): fraud found at any stage revokes the title, records the money to recover (all provincial
 * subsidy paid, unless the owner says otherwise) and bans the organisation from applying for the pack's years.
 */
export async function sanction(db: Db, ctx: RequestContext, projectId: string, body: SanctionBody): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    const loaded = await loadForWrite(tx, actor, projectId, 'project.own', '只有主管部门可以作出处理');
    const { project, config } = loaded;
    if (project.status === 'revoked') throw conflict('项目已作出撤销处理');
    const rules = config.sanctions;
    const now = await store.now(tx);
    const paid = (await store.paymentsOf(tx, projectId)).filter((p) => p.kind === 'provincial');
    const paidTotal = sum(paid.map((p) => fromDb(p.amountWan)!));
    const recover = rules?.recoverFunds === false ? 0 : body.recoverAmount === undefined ? paidTotal : parseWan(body.recoverAmount, '/body/recoverAmount');
    if (recover > paidTotal) throw invalid(`应收回金额不能超过已拨付的省级补助资金${formatWan(paidTotal)}`, [{ path: '/body/recoverAmount', message: `至多${toWan(paidTotal)}万元` }]);
    const titleRevoked = (rules?.revokeTitle ?? true) && Boolean(project.title) && !project.titleRevokedAt;
    const banEndsAt = rules?.banYears ? addYears(now, rules.banYears) : null;
    const row = await store.insertSanction(tx, {
      projectId,
      stage: body.stage,
      ground: body.ground.trim(),
      findings: body.findings.trim(),
      documentNumber: body.documentNumber?.trim() || null,
      titleRevoked,
      recoverWan: toDb(recover),
      banEndsAt,
      decidedBy: actor.userId,
      decidedAt: now,
    });
    if (banEndsAt) {
      await store.insertBan(tx, { organisationId: project.applicantOrganisationId, sanctionId: row.id, reason: `${body.ground.trim()}（「${project.name}」）`, startsAt: now, endsAt: banEndsAt, createdBy: actor.userId });
    }
    await store.updateProject(tx, projectId, { status: 'revoked', closedAt: now, ...(titleRevoked ? { titleRevokedAt: now } : {}) });
    const effects = [titleRevoked && `取消“${project.title}”称号`, recover > 0 && `收回补助资金${formatWan(recover)}`, banEndsAt && `${rules!.banYears}年内（至${banEndsAt.toISOString().slice(0, 10)}）禁止申报`].filter(Boolean).join('，');
    await recordProjectEvent(tx, ctx, projectId, 'project.sanction', `${body.ground.trim()}：${effects || '撤销项目'}`, {
      sanctionId: row.id,
      stage: body.stage,
      ground: body.ground,
      recoverWan: toDb(recover),
      banEndsAt: banEndsAt?.toISOString() ?? null,
      titleRevoked,
    });
    await notifyOrganisation(tx, { organisationId: project.applicantOrganisationId, type: 'project.sanctioned', title: '项目被撤销', body: `「${project.name}」因${body.ground.trim()}被撤销：${effects || '撤销项目'}。`, link: `/projects/${projectId}`, data: { projectId } });
    if (project.recommenderOrganisationId) {
      await notifyOrganisation(tx, { organisationId: project.recommenderOrganisationId, type: 'project.sanctioned', title: '辖区项目被撤销', body: `「${project.name}」因${body.ground.trim()}被撤销：${effects || '撤销项目'}。`, link: `/projects/${projectId}`, data: { projectId } });
    }
  });
}

function addYears(d: Date, years: number): Date {
  const out = new Date(d);
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

// ---------------------------------------------------------------- bans, for every call's eligibility

/** 禁止申报 of an organisation: the latest end of its bans (active or not) and the active one, if any. */
export async function banFacts(db: DbOrTx, organisationId: string, at: Date): Promise<{ bannedUntil: string | null; active: { endsAt: string; reason: string } | null; bans: { endsAt: string; reason: string }[] }> {
  const rows = await store.bansOf(db, [organisationId]);
  const active = rows.find((r) => new Date(r.starts_at) <= at && new Date(r.ends_at) > at) ?? null;
  return {
    bannedUntil: rows[0] ? new Date(rows[0].ends_at).toISOString() : null,
    active: active ? { endsAt: new Date(active.ends_at).toISOString(), reason: active.reason } : null,
    bans: rows.map((r) => ({ endsAt: new Date(r.ends_at).toISOString(), reason: r.reason })),
  };
}

/** 禁止申报名单: an applicant its own; a recommender its jurisdiction; owners and admins all. */
export async function listBans(db: Db, ctx: RequestContext): Promise<BanList> {
  const actor = requireActor(ctx);
  let orgs: string[] | null;
  if (hasRole(actor, 'platform_admin', 'program_officer')) orgs = null;
  else if (hasRole(actor, 'recommender_reviewer')) orgs = await organisationSubtreeIds(db, actor.organisationId);
  else orgs = [actor.organisationId];
  const rows = await store.bansOf(db, orgs);
  const names = await organisationNames(db, rows.map((r) => r.organisation_id));
  const now = await store.now(db);
  return {
    items: rows.map((r) => ({
      id: r.id,
      organisationId: r.organisation_id,
      organisationName: names.get(r.organisation_id) ?? '',
      reason: r.reason,
      startsAt: new Date(r.starts_at).toISOString(),
      endsAt: new Date(r.ends_at).toISOString(),
      active: new Date(r.starts_at) <= now && new Date(r.ends_at) > now,
      projectId: r.project_id,
      projectName: r.project_name,
    })),
  };
}
