/**
 * Builds the plain-text rendering of a Markdown or HTML document, remembering for every
 * character the offset in the original file it comes from, so that spans point into the source.
 */

/** Rendered text and, per rendered character (plus one past the end), its source offset. */
export interface Rendering {
  text: string;
  offsets: number[];
}

/** Appends text with source offsets; collapses whitespace like a browser does. */
export class TextBuilder {
  private chars: string[] = [];
  private offsets: number[] = [];

  constructor(private readonly source: string) {}

  /** Ends the current line (at most one empty line between blocks when `blank`). */
  break(at: number, blank = false): void {
    const want = blank ? '\n\n' : '\n';
    if (this.chars.length === 0) return;
    while (this.last.endsWith(' ')) this.trimSpace();
    if (this.last.endsWith(want)) return;
    const add = blank && this.last.endsWith('\n') ? '\n' : want;
    this.push(add, at);
  }

  /** Synthetic text (a bullet marker, indentation) mapped to `at`. */
  mark(text: string, at: number): void {
    this.push(text, at);
  }

  /**
   * Source text between `start` and `end` whose decoded value is `value` (entities and escapes
   * resolved); whitespace runs become one space unless `keepLines`.
   */
  text(value: string, start: number, end: number, keepLines = false): void {
    let p = start;
    for (let i = 0; i < value.length; i++) {
      const c = value[i]!;
      const at = this.align(c, p, end);
      p = at.next;
      if (/[\s\u00a0]/u.test(c) && !(keepLines && c === '\n')) {
        if (c === '\u00a0' && !this.last.endsWith(' ')) this.push(' ', at.offset);
        else if (!/[ \n]$/u.test(this.last) && this.chars.length > 0) this.push(' ', at.offset);
        continue;
      }
      if (c === '\n') {
        while (this.last.endsWith(' ')) this.trimSpace();
        this.push('\n', at.offset);
        continue;
      }
      this.push(c, at.offset);
    }
  }

  /** Where decoded character `c` stands in the source from `p`: a plain character, an entity or an escape. */
  private align(c: string, p: number, end: number): { offset: number; next: number } {
    const s = this.source;
    if (s[p] === c) return { offset: p, next: p + 1 };
    if (s[p] === '\r' && c === '\n') return { offset: p, next: s[p + 1] === '\n' ? p + 2 : p + 1 };
    if (s[p] === '\\' && s[p + 1] === c) return { offset: p + 1, next: p + 2 };
    if (s[p] === '&') {
      const entity = /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});?/iu.exec(s.slice(p, p + 40));
      if (entity) return { offset: p, next: p + entity[0].length };
    }
    // Skip what the parser dropped (markup inside the range) until the character appears.
    const found = s.indexOf(c, p);
    if (found >= 0 && found < end) return { offset: found, next: found + 1 };
    return { offset: Math.min(p, end), next: p };
  }

  /** The last two characters written ('\n\n' at the start, so nothing begins with a break). */
  private get last(): string {
    const n = this.chars.length;
    return n === 0 ? '\n\n' : n === 1 ? `\n${this.chars[0]!}` : this.chars[n - 2]! + this.chars[n - 1]!;
  }

  private push(text: string, at: number): void {
    for (let i = 0; i < text.length; i++) {
      this.chars.push(text[i]!);
      this.offsets.push(at);
    }
  }

  private trimSpace(): void {
    this.chars.pop();
    this.offsets.pop();
  }

  /** The rendering; the offset past the end maps to the end of the source. */
  done(): Rendering {
    const text = this.chars.join('');
    return { text, offsets: [...this.offsets, this.source.length] };
  }
}
