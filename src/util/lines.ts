/** Line ranges of a text: CRLF, CR and LF each end a line, as vfile-location counts them. */

/** A trimmed piece of the source: its text and offsets of its first and after-last character. */
export interface Range {
  text: string;
  start: number;
  end: number;
}

/** One line of the source, trimmed, with its indentation width (a tab counts as 4). */
export interface Line extends Range {
  indent: number;
}

/** Start offsets of every line of `text`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

const LEADING = /^[\s\u00a0\u200b-\u200d\u2060\ufeff]*/u;
const TRAILING = /[\s\u00a0\u200b-\u200d\u2060\ufeff]*$/u;

/** The trimmed range of `text` between two offsets (empty text when blank). */
export function trimRange(text: string, start: number, end: number): Range {
  const raw = text.slice(start, end);
  const lead = LEADING.exec(raw)![0].length;
  if (lead === raw.length) return { text: '', start: end, end };
  const trail = TRAILING.exec(raw)![0].length;
  return { text: raw.slice(lead, raw.length - trail), start: start + lead, end: end - trail };
}

/** Line `index` (0-based) of `text`, trimmed, with its indentation. */
export function lineAt(text: string, starts: number[], index: number): Line {
  const start = starts[index]!;
  let end = index + 1 < starts.length ? starts[index + 1]! : text.length;
  while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  const range = trimRange(text, start, end);
  let indent = 0;
  for (let i = start; i < range.start; i++) indent += text[i] === '\t' ? 4 : 1;
  return { ...range, indent };
}

/** Joins ranges into one: texts joined by a space, from the first start to the last end. */
export function joinRanges(ranges: Range[]): Range {
  return { text: ranges.map((r) => r.text).join(' '), start: ranges[0]!.start, end: ranges[ranges.length - 1]!.end };
}
