import type { ConflictEntry, ConflictKindName } from '@shenbao/contracts';
import { CONFLICT_KIND_LABELS } from '@shenbao/contracts';
import type { ConflictRow, ExpertRecord } from './store.ts';

/** A former employer counts for this many years after the expert left (离职三年内). */
export const FORMER_EMPLOYER_YEARS = 3;

export interface Applicant {
  organisationId: string;
  name: string;
}

/**
 * 回避: conflicts detected from organisations, then the recorded ones applied on top — a recorded `lifted` row
 * lifts the detected conflict of the same kind; a `pinned` row adds one (业务往来, 个人关系, 本人申明, 指定回避).
 */
export function conflictEntries(experts: ExpertRecord[], applicants: Applicant[], recorded: ConflictRow[], currentYear: number): ConflictEntry[] {
  const byKey = new Map<string, ConflictEntry>();
  const key = (expertUserId: string, organisationId: string, kind: string) => `${expertUserId}|${organisationId}|${kind}`;
  const applicantById = new Map(applicants.map((a) => [a.organisationId, a]));
  const expertById = new Map(experts.map((e) => [e.userId, e]));
  const sameName = (a: string, b: string) => a.trim() !== '' && a.trim() === b.trim();
  for (const e of experts) {
    for (const a of applicants) {
      if (e.employerOrganisationId === a.organisationId || sameName(e.employerName, a.name)) {
        byKey.set(key(e.userId, a.organisationId, 'same_organisation'), entry(e, a, 'same_organisation', 'detected', 'active', `专家现任职于${a.name}`));
      }
      const former = e.formerEmployers.find((f) => (f.organisationId === a.organisationId || sameName(f.name, a.name)) && f.until >= currentYear - FORMER_EMPLOYER_YEARS);
      if (former) {
        byKey.set(key(e.userId, a.organisationId, 'former_employer'), entry(e, a, 'former_employer', 'detected', 'active', `专家${former.until}年前曾任职于${a.name}（离职未满${FORMER_EMPLOYER_YEARS}年）`));
      }
    }
  }
  for (const r of recorded) {
    const e = expertById.get(r.expertUserId);
    const a = applicantById.get(r.applicantOrganisationId);
    if (!e || !a) continue;
    const k = key(r.expertUserId, r.applicantOrganisationId, r.kind);
    const detected = byKey.get(k);
    if (r.state === 'lifted') {
      if (detected) byKey.set(k, { ...detected, state: 'lifted', reason: `${detected.reason}；已解除：${r.reason}` });
    } else {
      byKey.set(k, entry(e, a, r.kind, 'recorded', 'active', r.reason));
    }
  }
  return [...byKey.values()].sort((x, y) => x.expertName.localeCompare(y.expertName, 'zh') || x.applicantName.localeCompare(y.applicantName, 'zh'));
}

function entry(e: ExpertRecord, a: Applicant, kind: ConflictKindName, source: 'detected' | 'recorded', state: 'active' | 'lifted', reason: string): ConflictEntry {
  return { expertUserId: e.userId, expertName: e.name, applicantOrganisationId: a.organisationId, applicantName: a.name, kind, kindLabel: CONFLICT_KIND_LABELS[kind], source, state, reason };
}

/** The pairs (expert, applicant organisation) that block an assignment. */
export function activeConflictSet(entries: ConflictEntry[]): Set<string> {
  return new Set(entries.filter((c) => c.state === 'active').map((c) => conflictKey(c.expertUserId, c.applicantOrganisationId)));
}
export const conflictKey = (expertUserId: string, applicantOrganisationId: string) => `${expertUserId}|${applicantOrganisationId}`;
