// The order of a recommendation as the reviewer edits it: application ids, rank 1 first.

/** The list with the element at `from` moved to `to` (both in range; otherwise the list unchanged). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}

/**
 * 按优先条件建议排序: more priority flags (the notice's 同等条件下优先 conditions) first; ties keep their current
 * order, so the reviewer's own ranking among equals survives.
 */
export function suggestByPriority<T extends { priorityFlags: readonly string[] }>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.priorityFlags.length - a.item.priorityFlags.length || a.index - b.index)
    .map(({ item }) => item);
}

export function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
