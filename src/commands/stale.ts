/** What changed between the committed dataset and a fresh extraction, record by record (ids and fields). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Rec = Record<string, unknown> & { id: string };

/** A plain list: records added, removed, and changed with the names of the changed fields. */
export function staleRecords(out: string, files: Map<string, string>): string {
  const fresh = files.get('coalitions.json');
  if (!fresh) return '';
  let old: Rec[] = [];
  try {
    old = JSON.parse(readFileSync(join(out, 'coalitions.json'), 'utf8')) as Rec[];
  } catch {
    // no committed dataset: every record is new
  }
  const now = JSON.parse(fresh) as Rec[];
  const before = new Map(old.map((r) => [r.id, r]));
  const lines: string[] = [];
  for (const record of now) {
    const previous = before.get(record.id);
    before.delete(record.id);
    if (!previous) {
      lines.push(`+ ${record.id} (${String((record.source as { path: string }).path)})`);
      continue;
    }
    const fields = Object.keys(record).filter((key) => JSON.stringify(record[key]) !== JSON.stringify(previous[key]));
    if (fields.length > 0) lines.push(`~ ${record.id} (${String((record.source as { path: string }).path)}): ${fields.join(', ')}`);
  }
  for (const id of before.keys()) lines.push(`- ${id}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
