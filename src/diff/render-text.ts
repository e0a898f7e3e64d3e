/** The `text` report for a terminal: the summary first, then per record and field `-`/`+` lines with the new value's place. */
import { attributeChanges, cosmeticNote, place, plural, showCount, showItem, showValue } from './display.js';
import { hasDifferences, sourcePath, type DiffReport, type FieldChange } from './types.js';

/** Options of the text report. */
export interface TextOptions {
  /** ANSI colours: only when the report goes to a terminal. */
  color: boolean;
}

type Paint = (style: keyof typeof STYLES, text: string) => string;
const STYLES = { added: '32', removed: '31', modified: '33', id: '1', field: '36', place: '2' } as const;

/** Renders the report as terminal text, ending in a newline. */
export function renderText(report: DiffReport, options: TextOptions): string {
  const paint: Paint = options.color ? (style, text) => `\x1b[${STYLES[style]}m${text}\x1b[0m` : (_style, text) => text;
  const lines = [`Dataset diff: ${report.old} → ${report.new}`];
  if (!hasDifferences(report)) lines.push(`No differences: ${plural(report.unchanged, 'record')} unchanged.`);
  else {
    lines.push(`Records: ${report.added.length} added, ${report.removed.length} removed, ${report.changed.length} changed, ${report.unchanged} unchanged`);
    if (report.fields.length > 0) {
      const width = Math.max(...report.fields.map(([field]) => field.length));
      lines.push('Fields changed:', ...report.fields.map(([field, count]) => `  ${field.padEnd(width)}  ${showCount(count)}`));
    }
    lines.push('');
    for (const r of report.added) lines.push(paint('added', `+ ${r.id}`) + located(paint, sourcePath(r), null));
    for (const r of report.removed) lines.push(paint('removed', `- ${r.id}`) + located(paint, sourcePath(r), null));
    for (const r of report.changed) {
      if (lines.at(-1) !== '') lines.push('');
      lines.push(`${paint('modified', '~')} ${paint('id', r.id)}${located(paint, r.path, null)}`);
      for (const change of r.changes) lines.push(...fieldLines(change, r.path, paint));
    }
  }
  if (report.cosmetic.length > 0) lines.push('', cosmeticNote(report.cosmetic));
  return `${lines.join('\n')}\n`;
}

function fieldLines(change: FieldChange, path: string | null, paint: Paint): string[] {
  const lines = [`  ${paint('field', change.field)}`];
  if (change.kind === 'scalar') {
    lines.push(
      `    ${paint('removed', `- ${showValue(change.old)}`)}`,
      `    ${paint('added', `+ ${showValue(change.new)}`)}${change.new === null ? '' : located(paint, path, change.line)}`,
    );
    return lines;
  }
  for (const ref of change.removed) lines.push(`    ${paint('removed', `- ${showItem(change.field, ref)}`)}`);
  for (const ref of change.added) lines.push(`    ${paint('added', `+ ${showItem(change.field, ref)}`)}${located(paint, path, ref.line)}`);
  for (const m of change.modified) {
    const what = `~ ${showItem(change.field, m.new)}  ${attributeChanges(m.old.item, m.new.item)}`;
    lines.push(`    ${paint('modified', what)}${located(paint, path, m.new.line)}`);
  }
  return lines;
}

function located(paint: Paint, path: string | null, line: number | null): string {
  const where = place(path, line);
  return where ? `  ${paint('place', where)}` : '';
}
