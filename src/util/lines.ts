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

/** Whitespace of scraped text: ASCII whitespace, NBSP and zero-width characters. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff || code === 0x3000 || (code >= 0x2000 && code <= 0x200a) || code === 0x1680 || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x85;
}

/** The trimmed range of `text` between two offsets (empty text when blank); a scan, so linear on any line. */
export function trimRange(text: string, start: number, end: number): Range {
  let from = start;
  while (from < end && isSpace(text.charCodeAt(from))) from++;
  if (from === end) return { text: '', start: end, end };
  let to = end;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return { text: text.slice(from, to), start: from, end: to };
}

/** Line `index` (0-based) of `text`, trimmed, with its indentation. */
export function lineAt(text: string, starts: number[], index: number): Line {
  const start = starts[index]!;
  let end = index + 1 < starts.length ? starts[index + 1]! : text.length;
  while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  const range = trimRange(text, start, end);
  let indent = 0;
  for (let i = start; i < range.start; i++) indent += text.charCodeAt(i) === 9 ? 4 : 1;
  return { text: range.text, start: range.start, end: range.end, indent };
}

/** Joins ranges into one: texts joined by a space, from the first start to the last end. */
export function joinRanges(ranges: Range[]): Range {
  return { text: ranges.map((r) => r.text).join(' '), start: ranges[0]!.start, end: ranges[ranges.length - 1]!.end };
}
