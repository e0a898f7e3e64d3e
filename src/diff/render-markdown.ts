/**
 * The `markdown` report for a pull-request comment: a summary table, the ids added and removed,
 * then one collapsed `<details>` section per changed record holding a ```diff block. Long lists
 * and values are cut, and sections stop before GitHub's comment limit (65,536 characters).
 */
import { attributeChanges, cosmeticNote, place, plural, showItem, showValue } from './display.js';
import { hasDifferences, type DiffReport, type FieldChange, type RecordChange } from './types.js';

/** Limits that keep the comment readable with hundreds of changed records. */
export const MARKDOWN_LIMITS = { itemsPerField: 10, valueLength: 300, ids: 50, characters: 60_000 } as const;

/** Renders the report as GitHub-flavoured Markdown, ending in a newline. */
export function renderMarkdown(report: DiffReport): string {
  const parts = [`### Dataset changes\n\n${code(report.old)} → ${code(report.new)}`];
  if (!hasDifferences(report)) parts.push(`No changes to the data: ${plural(report.unchanged, 'record')} unchanged.`);
  else {
    parts.push(
      [
        '| | added | removed | changed | unchanged |',
        '|---|---:|---:|---:|---:|',
        `| records | ${report.added.length} | ${report.removed.length} | ${report.changed.length} | ${report.unchanged} |`,
      ].join('\n'),
    );
    if (report.fields.length > 0) {
      parts.push(
        [
          '| field | records | items added | items removed | items changed |',
          '|---|---:|---:|---:|---:|',
          ...report.fields.map(([field, c]) => `| \`${field}\` | ${c.records} | ${c.added ?? ''} | ${c.removed ?? ''} | ${c.modified ?? ''} |`),
        ].join('\n'),
      );
    }
    if (report.added.length > 0) parts.push(`**Added:** ${idList(report.added.map((r) => r.id))}`);
    if (report.removed.length > 0) parts.push(`**Removed:** ${idList(report.removed.map((r) => r.id))}`);
  }
  let length = parts.join('\n\n').length;
  let shown = 0;
  for (const record of report.changed) {
    const section = details(record);
    if (length + section.length > MARKDOWN_LIMITS.characters) break;
    parts.push(section);
    length += section.length + 2;
    shown++;
  }
  const rest = report.changed.slice(shown).map((r) => r.id);
  if (rest.length > 0) parts.push(`… and ${plural(rest.length, 'more changed record')}: ${idList(rest)} (run \`coalex diff\` for the full report).`);
  if (report.cosmetic.length > 0) parts.push(`_${cosmeticNote(report.cosmetic.map((id) => `\`${id}\``), MARKDOWN_LIMITS.ids)}._`);
  return `${parts.join('\n\n')}\n`;
}

/** One collapsed section: the record's id and changed fields, then a diff block. */
function details(record: RecordChange): string {
  const lines = record.changes.flatMap((change) => [`@@ ${change.field} @@`, ...capped(changeLines(change, record.path))]);
  const fence = '`'.repeat(Math.max(3, ...lines.map((l) => longestRun(l, '`') + 1)));
  const fields = record.changes.map((c) => c.field).join(', ');
  return `<details><summary><code>${record.id}</code>: ${fields}</summary>\n\n${fence}diff\n${lines.join('\n')}\n${fence}\n\n</details>`;
}

function changeLines(change: FieldChange, path: string | null): string[] {
  if (change.kind === 'scalar') {
    return [`- ${cut(showValue(change.old))}`, `+ ${cut(showValue(change.new))}${at(path, change.new === null ? null : change.line)}`];
  }
  return [
    ...change.removed.map((ref) => `- ${cut(showItem(change.field, ref))}`),
    ...change.added.map((ref) => `+ ${cut(showItem(change.field, ref))}${at(path, ref.line)}`),
    ...change.modified.map((m) => `~ ${cut(showItem(change.field, m.new))}  ${cut(attributeChanges(m.old.item, m.new.item))}${at(path, m.new.line)}`),
  ];
}

function capped(lines: string[]): string[] {
  const limit = MARKDOWN_LIMITS.itemsPerField;
  if (lines.length <= limit + 1) return lines;
  return [...lines.slice(0, limit), `  … and ${lines.length - limit} more`];
}

function at(path: string | null, line: number | null): string {
  const where = line === null ? '' : place(path, line);
  return where ? `  ${where}` : '';
}

function cut(text: string): string {
  const limit = MARKDOWN_LIMITS.valueLength;
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function idList(ids: string[]): string {
  const limit = MARKDOWN_LIMITS.ids;
  const shown = ids.slice(0, limit).map((id) => `\`${id}\``).join(', ');
  return ids.length > limit ? `${shown} … and ${ids.length - limit} more` : shown;
}

/** A code span that holds any text: a fence longer than the longest backtick run inside. */
function code(text: string): string {
  const fence = '`'.repeat(longestRun(text, '`') + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
