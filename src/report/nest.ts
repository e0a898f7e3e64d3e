/**
 * Highlights as a tree: spans that contain each other nest; spans that cross are split, so the
 * page can render them as properly nested elements (a phone inside a contact, a contact across
 * the end of a section heading).
 */

/** A span of one item (its index in the document's item list), in UTF-16 offsets of the text. */
export interface Range {
  item: number;
  start: number;
  end: number;
}

/** A highlight element: one item's span, or the fragment of it left after splitting, with what it contains. */
export interface Mark extends Range {
  children: Mark[];
}

/**
 * Nests `ranges` over a text of `length` code units. Outer before inner: earlier start, then
 * longer, then lower item index (field order), so a contained span always nests and only spans
 * that cross are split, the later-starting one into fragments. Empty spans and spans outside
 * the text are left out.
 */
export function nestRanges(ranges: Range[], length: number): Mark[] {
  const sorted = ranges
    .filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start < r.end && r.end <= length)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.item - b.item);
  const rank = new Map(sorted.map((r, index) => [r, index]));
  const points = [...new Set(sorted.flatMap((r) => [r.start, r.end]))].sort((a, b) => a - b);
  const roots: Mark[] = [];
  const open: { range: Range; mark: Mark }[] = [];
  let active: Range[] = [];
  let next = 0;
  for (let p = 0; p < points.length - 1; p++) {
    const from = points[p]!;
    const to = points[p + 1]!;
    active = active.filter((r) => r.end > from);
    while (next < sorted.length && sorted[next]!.start === from) active.push(sorted[next++]!);
    active.sort((a, b) => rank.get(a)! - rank.get(b)!);
    let keep = 0;
    while (keep < open.length && keep < active.length && open[keep]!.range === active[keep]) keep++;
    open.length = keep;
    for (let depth = keep; depth < active.length; depth++) {
      const range = active[depth]!;
      const mark: Mark = { item: range.item, start: from, end: to, children: [] };
      (depth === 0 ? roots : open[depth - 1]!.mark.children).push(mark);
      open.push({ range, mark });
    }
    for (const entry of open) entry.mark.end = to;
  }
  return roots;
}
