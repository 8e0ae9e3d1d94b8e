import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { CallDetail, CallListInfo, CallListRows, CallSummary, CheckAnswersResult, LoadedPack, PackForm } from '@shenbao/contracts';
import { directionIds, validateAnswers } from '@shenbao/rules';
import type { Db, DbOrTx } from '../../platform/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { forbidden, invalid, notFound } from '../../platform/errors.ts';
import { recordEvent } from '../audit/index.ts';
import { can, findIssuerOrganisation, organisationFacts, organisationResource, requireActor } from '../identity/index.ts';
import * as store from './store.ts';
import './policy.ts';

const MAX_LIST_ROWS = 20_000;

/**
 * Bring the calls table in line with the packs on disk: a new pack becomes a call, a changed pack a new version
 * (kept, so applications stay pinned to the version they were filled against). Unchanged packs cost one read.
 */
export async function syncPacks(db: Db, packs: LoadedPack[]): Promise<{ created: string[]; updated: string[] }> {
  const created: string[] = [];
  const updated: string[] = [];
  const ctx: RequestContext = { actor: null, requestId: 'pack-sync', ip: null };
  for (const pack of packs) {
    const { program, forms, hash } = pack;
    await db.transaction(async (tx) => {
      await store.lockCall(tx, program.id); // two processes starting at once must not both create version n+1
      const latest = await store.latestVersion(tx, program.id);
      const issuer = await findIssuerOrganisation(tx, program.issuer.kind, program.issuer.divisionCode, program.issuer.name);
      if (latest?.hash === hash) {
        // Unchanged pack; its issuer may exist only now (organisations loaded after the pack was first seen).
        if (issuer) await store.setIssuerIfUnknown(tx, program.id, issuer.id);
        return;
      }
      const version = (latest?.version ?? 0) + 1;
      await store.upsertCall(tx, {
        id: program.id,
        title: program.title,
        documentNumber: program.documentNumber ?? null,
        year: program.year,
        issuerName: program.issuer.name,
        issuerOrganisationId: issuer?.id ?? null,
        version,
        hash,
        program,
        forms,
      });
      await store.insertVersion(tx, { callId: program.id, version, hash, program, forms });
      await recordEvent(tx, ctx, { action: latest ? 'call.pack_updated' : 'call.pack_loaded', resourceType: 'call', resourceId: program.id, details: { version, hash } });
      (latest ? updated : created).push(program.id);
    });
  }
  return { created, updated };
}

export interface EffectiveStage {
  id: string;
  label: string;
  opens: string | null;
  closes: string | null;
  extensionUntil: string | null;
}

/** The notice's stages with the owner's schedule laid over them (延期, a reopened round). */
export function effectiveStages(row: Pick<store.CallRow, 'program' | 'schedule'>): EffectiveStage[] {
  return row.program.stages.map((s) => {
    const override = row.schedule?.[s.id] ?? {};
    return {
      id: s.id,
      label: s.label,
      opens: override.opens ?? s.opens ?? null,
      closes: override.closes ?? s.closes ?? null,
      extensionUntil: override.extensionUntil ?? s.extension?.until ?? null,
    };
  });
}

/**
 * When applications close: the application stage's own deadline, else the first later stage that has one
 * (000 leaves the enterprises' deadline to the cities; the city deadline then bounds it).
 */
export function applicationDeadline(row: Pick<store.CallRow, 'program' | 'schedule'>): { opens: string | null; closes: string | null; extensionUntil: string | null } {
  const stages = effectiveStages(row);
  const application = stages.find((s) => s.id === 'application');
  const closing = application?.closes ? application : stages.find((s) => s.closes);
  return { opens: application?.opens ?? null, closes: closing?.closes ?? null, extensionUntil: closing?.extensionUntil ?? null };
}

function applicationPhase(row: Pick<store.CallRow, 'program' | 'schedule'>, now: Date): CallSummary['application'] {
  const w = applicationDeadline(row);
  const t = now.getTime();
  const phase =
    !w.opens && !w.closes
      ? 'unscheduled' // a rules document such as 003: the owner sets the dates of each round
      : w.opens && t < Date.parse(w.opens)
      ? 'upcoming'
      : !w.closes || t <= Date.parse(w.closes)
        ? 'open'
        : w.extensionUntil && t <= Date.parse(w.extensionUntil)
          ? 'extension'
          : 'closed';
  return { phase, ...w };
}

function stageNow(row: Pick<store.CallRow, 'program' | 'schedule'>, now: Date) {
  const t = now.getTime();
  const stages = effectiveStages(row);
  // The current stage: open now (opened and not yet closed, counting a controlled extension).
  const current = stages.find((s) => (!s.opens || Date.parse(s.opens) <= t) && (s.closes ? Date.parse(s.extensionUntil ?? s.closes) > t : false));
  const upcoming = stages
    .filter((s) => s.closes && Date.parse(s.closes) > t)
    .sort((a, b) => Date.parse(a.closes!) - Date.parse(b.closes!))[0];
  return {
    stages,
    currentStage: current ? { id: current.id, label: current.label } : null,
    nextDeadline: upcoming ? { stage: upcoming.label, closes: upcoming.closes! } : null,
  };
}

async function toSummary(db: DbOrTx, row: store.CallRow, now: Date): Promise<CallSummary> {
  const imported = new Map((await store.listsOf(db, row.id)).map((l) => [l.listId, l]));
  const lists: CallListInfo[] = (row.program.lists ?? []).map((l) => ({
    id: l.id,
    label: l.label,
    columns: l.columns,
    rowCount: imported.get(l.id)?.rowCount ?? 0,
    importedAt: imported.get(l.id)?.importedAt.toISOString() ?? null,
    fileName: imported.get(l.id)?.fileName ?? null,
  }));
  return {
    id: row.id,
    title: row.title,
    shortTitle: row.program.shortTitle ?? null,
    documentNumber: row.documentNumber,
    year: row.year,
    issueDate: row.program.issueDate,
    issuerName: row.issuerName,
    issuerOrganisationId: row.issuerOrganisationId,
    version: row.version,
    hash: row.hash,
    categories: row.program.categories.map((c) => c.label),
    directionCount: directionIds(row.program.categories).length,
    forms: row.forms.map((f) => ({ id: f.id, title: f.title, stage: f.stage ?? 'application' })),
    ...stageNow(row, now),
    lists,
    application: applicationPhase(row, now),
    serverTime: now.toISOString(),
  };
}

export async function listCalls(db: Db): Promise<CallSummary[]> {
  const now = new Date();
  return Promise.all((await store.listCalls(db)).map((row) => toSummary(db, row, now)));
}

async function loadCall(db: DbOrTx, id: string): Promise<store.CallRow> {
  const row = await store.findCall(db, id);
  if (!row) throw notFound('申报通知');
  return row;
}

/** The call as stored, for other modules (applications pin its version, check its deadline). */
export async function findCallRecord(db: DbOrTx, id: string) {
  return store.findCall(db, id);
}

/** 调整时间安排: the issuing department moves a stage's dates or grants a controlled extension. */
export async function rescheduleStage(
  db: Db,
  ctx: RequestContext,
  callId: string,
  stageId: string,
  change: { opens?: string | null; closes?: string | null; extensionUntil?: string | null },
): Promise<CallSummary> {
  const actor = requireActor(ctx);
  const row = await loadCall(db, callId);
  if (!row.program.stages.some((s) => s.id === stageId)) throw notFound(`阶段“${stageId}”`);
  const issuer = row.issuerOrganisationId ? await organisationResource(db, row.issuerOrganisationId) : null;
  if (!can(actor, 'call.schedule', issuer)) throw forbidden('只有发文单位的主管部门经办人可以调整时间安排');
  const current = { ...(row.schedule[stageId] ?? {}) } as Record<string, string>;
  for (const key of ['opens', 'closes', 'extensionUntil'] as const) {
    if (change[key] === null) delete current[key];
    else if (change[key] !== undefined) current[key] = change[key]!;
  }
  const merged = effectiveStages({ program: row.program, schedule: { ...row.schedule, [stageId]: current } }).find((s) => s.id === stageId)!;
  if (merged.opens && merged.closes && Date.parse(merged.opens) >= Date.parse(merged.closes)) {
    throw invalid('开始时间须早于截止时间', [{ path: '/body/closes', message: '截止时间须晚于开始时间' }]);
  }
  if (merged.extensionUntil && (!merged.closes || Date.parse(merged.extensionUntil) <= Date.parse(merged.closes))) {
    throw invalid('延期截止须晚于原截止时间', [{ path: '/body/extensionUntil', message: '延期截止须晚于截止时间' }]);
  }
  await db.transaction(async (tx) => {
    await store.setSchedule(tx, callId, { ...row.schedule, [stageId]: current });
    await recordEvent(tx, ctx, { action: 'call.reschedule', resourceType: 'call', resourceId: callId, details: { stageId, before: row.schedule[stageId] ?? {}, after: current } });
  });
  return toSummary(db, (await store.findCall(db, callId))!, new Date());
}

export async function getCall(db: Db, id: string): Promise<CallDetail> {
  const row = await loadCall(db, id);
  return { call: await toSummary(db, row, new Date()), program: row.program, forms: row.forms };
}

function findForm(row: store.CallRow, formId: string): PackForm {
  const form = row.forms.find((f) => f.id === formId);
  if (!form) throw notFound(`表单“${formId}”`);
  return form;
}

/** 检查: run every field check and rule of one form, with the actor's organisation as $org. */
export async function checkAnswers(db: Db, ctx: RequestContext, callId: string, formId: string, answers: Record<string, unknown>): Promise<CheckAnswersResult> {
  const actor = requireActor(ctx);
  const row = await loadCall(db, callId);
  const form = findForm(row, formId);
  const [org, lists] = await Promise.all([organisationFacts(db, actor.organisationId), store.listRowsOf(db, callId)]);
  const result = await validateAnswers({
    program: row.program,
    form,
    answers,
    context: { org, lists, applications: [], call: { id: row.id, year: row.year }, now: new Date().toISOString() },
  });
  const computedIds = form.sections.flatMap((s) => s.fields.filter((f) => f.type === 'computed').map((f) => f.id));
  return {
    violations: result.violations,
    errorCount: result.violations.filter((v) => v.severity === 'error').length,
    warningCount: result.violations.filter((v) => v.severity === 'warning').length,
    computed: Object.fromEntries(computedIds.map((id) => [id, result.answers[id] ?? null])),
  };
}

function listInfo(row: store.CallRow, listId: string) {
  const def = row.program.lists?.find((l) => l.id === listId);
  if (!def) throw notFound(`名单“${listId}”`);
  return def;
}

export async function getList(db: Db, ctx: RequestContext, callId: string, listId: string): Promise<CallListRows> {
  const actor = requireActor(ctx);
  if (!can(actor, 'call.list.read', null)) throw forbidden('无权查看导入名单');
  const row = await loadCall(db, callId);
  const def = listInfo(row, listId);
  const stored = await store.findList(db, callId, listId);
  return {
    list: { id: def.id, label: def.label, columns: def.columns, rowCount: stored?.rowCount ?? 0, importedAt: stored?.importedAt.toISOString() ?? null, fileName: stored?.fileName ?? null },
    rows: stored?.rows ?? [],
  };
}

/** An empty workbook with the list's column headers, for officials to fill. */
export async function listTemplate(db: Db, callId: string, listId: string): Promise<{ fileName: string; buffer: Buffer }> {
  const row = await loadCall(db, callId);
  const def = listInfo(row, listId);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(def.label.slice(0, 31));
  sheet.addRow(def.columns.map((c) => c.label)).font = { bold: true };
  sheet.columns.forEach((c) => (c.width = 24));
  return { fileName: `${def.label}（模板）.xlsx`, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/** 导入名单: the first sheet, headers in row 1 matched to the list's column labels (or ids); replaces the previous import. */
export async function importList(db: Db, ctx: RequestContext, callId: string, listId: string, file: Buffer, fileName: string | null): Promise<CallListInfo> {
  const actor = requireActor(ctx);
  const row = await loadCall(db, callId);
  const def = listInfo(row, listId);
  const issuer = row.issuerOrganisationId ? await organisationResource(db, row.issuerOrganisationId) : null;
  if (!can(actor, 'call.list.import', issuer)) throw forbidden('只有发文单位的主管部门经办人可以导入名单');

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw invalid('无法读取文件，请上传 Excel（.xlsx）文件', [{ path: '/file', message: '不是有效的 .xlsx 文件' }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid('Excel 文件中没有工作表', [{ path: '/file', message: '没有工作表' }]);
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => (v == null ? '' : String(typeof v === 'object' && v && 'richText' in v ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('') : v).trim()));
  const columnIndex = new Map<string, number>();
  for (const c of def.columns) {
    const at = headers.findIndex((h) => h === c.label || h === c.id);
    if (at > 0) columnIndex.set(c.id, at);
  }
  const missing = def.columns.filter((c) => !columnIndex.has(c.id)).map((c) => c.label);
  if (missing.length) throw invalid(`缺少列：${missing.join('、')}`, [{ path: '/file', message: `第1行须包含列：${def.columns.map((c) => c.label).join('、')}；缺少：${missing.join('、')}` }]);

  const rows: Record<string, string>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const excelRow = sheet.getRow(r);
    const record = Object.fromEntries(def.columns.map((c) => [c.id, excelRow.getCell(columnIndex.get(c.id)!).text.trim()]));
    if (Object.values(record).every((v) => v === '')) continue;
    rows.push(record);
    if (rows.length > MAX_LIST_ROWS) throw invalid(`名单不得超过${MAX_LIST_ROWS}行`, [{ path: '/file', message: '行数过多' }]);
  }
  if (rows.length === 0) throw invalid('名单没有数据行', [{ path: '/file', message: '第2行起没有数据' }]);

  const sha256 = createHash('sha256').update(file).digest('hex');
  await db.transaction(async (tx) => {
    await store.replaceList(tx, { callId, listId, rows, rowCount: rows.length, fileName, sha256, importedBy: actor.userId });
    await recordEvent(tx, ctx, { action: 'call.list_import', resourceType: 'call', resourceId: callId, details: { listId, rows: rows.length, fileName, sha256 } });
  });
  return (await getList(db, ctx, callId, listId)).list;
}
