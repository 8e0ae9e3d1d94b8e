import type { ProgramPack, QuotaStatus } from '@shenbao/contracts';
import { categoryPath } from '@shenbao/rules';

export interface QuotaItem {
  directionId: string | null;
  answers: Record<string, unknown>;
}

/**
 * 限额: which of the pack's quotas bind a recommender in a channel, and how many of its ranked items each counts.
 * A quota names its channel, so direct channels (central enterprises, sub-provincial cities) never count
 * against the local ones. `scope: call` quotas count every issued recommendation of the call besides this one.
 */
export function quotaStatus(
  program: ProgramPack,
  recommender: { kind: string; regionClass: string | null },
  channelId: string,
  items: QuotaItem[],
  issuedElsewhere: (QuotaItem & { channelId: string })[],
): QuotaStatus[] {
  const counts = (list: QuotaItem[], q: NonNullable<ProgramPack['quotas']>[number]) =>
    list.filter((item) => {
      if (q.categories?.length) {
        const path = item.directionId ? (categoryPath(program.categories, item.directionId) ?? []) : [];
        if (!path.some((node) => q.categories!.includes(node.id))) return false;
      }
      if (q.answer) {
        const value = item.answers[q.answer.field];
        const values = Array.isArray(value) ? value.map(String) : [String(value)];
        if (!values.some((v) => q.answer!.values.includes(v))) return false;
      }
      return true;
    }).length;
  return (program.quotas ?? [])
    .filter((q) => {
      if (q.channel && q.channel !== channelId) return false;
      if (q.scope === 'call') return true;
      if (q.recommenderKinds?.length && !q.recommenderKinds.includes(recommender.kind as never)) return false;
      if (q.regionClass && q.regionClass !== recommender.regionClass) return false;
      return true;
    })
    .map((q) => {
      const elsewhere = q.scope === 'call' ? issuedElsewhere.filter((i) => !q.channel || i.channelId === q.channel) : [];
      const used = counts(items, q) + counts(elsewhere, q);
      return { id: q.id, label: q.label, limit: q.limit, used, exceeded: used > q.limit, scope: q.scope };
    });
}
