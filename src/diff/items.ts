/** Compares two lists as multisets: by content first, then same-named leftovers pair up as modified items. */
import { contentKey, matchKey } from './fields.js';

/** Indexes into the old and new list. */
export interface ListDelta {
  added: number[];
  removed: number[];
  modified: [oldIndex: number, newIndex: number][];
}

/** What changed between two lists of one field; reordering, whitespace, case and spans are no change. */
export function diffList(field: string, before: unknown[], after: unknown[]): ListDelta {
  const unmatchedOld = new Set(before.keys());
  const byContent = groupIndexes(before, (item) => contentKey(field, item));
  const leftNew: number[] = [];
  after.forEach((item, index) => {
    const match = byContent.get(contentKey(field, item))?.shift();
    if (match === undefined) leftNew.push(index);
    else unmatchedOld.delete(match);
  });
  const byName = new Map<string, number[]>();
  for (const index of unmatchedOld) {
    const key = matchKey(field, before[index]);
    byName.set(key, [...(byName.get(key) ?? []), index]);
  }
  const delta: ListDelta = { added: [], removed: [], modified: [] };
  for (const index of leftNew) {
    const match = byName.get(matchKey(field, after[index]))?.shift();
    if (match === undefined) delta.added.push(index);
    else {
      delta.modified.push([match, index]);
      unmatchedOld.delete(match);
    }
  }
  delta.removed = [...unmatchedOld].sort((a, b) => a - b);
  return delta;
}

function groupIndexes(items: unknown[], key: (item: unknown) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(index);
    else groups.set(k, [index]);
  });
  return groups;
}
