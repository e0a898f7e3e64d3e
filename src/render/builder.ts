/**
 * Builds the plain-text rendering of a Markdown or HTML document, remembering for every
 * character the offset in the original file it comes from, so that spans point into the source.
 */

/** Rendered text and, per rendered character (plus one past the end), its source offset. */
export interface Rendering {
  text: string;
  offsets: number[];
}

/**
 * Appends text with source offsets; collapses whitespace like a browser does. Written without an
 * object or string per character: the Markdown files of the bench corpus allocated ~180 kB each here.
 */
export class TextBuilder {
  private chars: string[] = [];
  private offsets: number[] = [];
  /** What `align` found: the character's offset in the source, and where the source goes on after it. */
  private alignedAt = 0;
  private alignedNext = 0;

  constructor(private readonly source: string) {}

  /** Ends the current line (at most one empty line between blocks when `blank`). */
  break(at: number, blank = false): void {
    if (this.chars.length === 0) return;
    while (this.lastChar(1) === ' ') this.trimSpace();
    if (this.lastChar(1) === '\n' && (!blank || this.lastChar(2) === '\n')) return;
    if (blank && this.lastChar(1) !== '\n') this.push('\n', at);
    this.push('\n', at);
  }

  /** Synthetic text (a bullet marker, indentation) mapped to `at`. */
  mark(text: string, at: number): void {
    for (let i = 0; i < text.length; i++) this.push(text[i]!, at);
  }

  /**
   * Source text between `start` and `end` whose decoded value is `value` (entities and escapes
   * resolved); whitespace runs become one space unless `keepLines`.
   */
  text(value: string, start: number, end: number, keepLines = false): void {
    let p = start;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      this.align(code, p, end);
      p = this.alignedNext;
      const at = this.alignedAt;
      if (isWhiteSpace(code) && !(keepLines && code === 10)) {
        if (code === 0xa0) {
          if (this.lastChar(1) !== ' ') this.push(' ', at);
        } else if (this.lastChar(1) !== ' ' && this.lastChar(1) !== '\n' && this.chars.length > 0) this.push(' ', at);
        continue;
      }
      if (code === 10) {
        while (this.lastChar(1) === ' ') this.trimSpace();
        this.push('\n', at);
        continue;
      }
      this.push(value[i]!, at);
    }
  }

  /** Where decoded character `code` stands in the source from `p`: a plain character, an entity or an escape. */
  private align(code: number, p: number, end: number): void {
    const s = this.source;
    const here = s.charCodeAt(p);
    if (here === code) return this.aligned(p, p + 1);
    if (here === 13 && code === 10) return this.aligned(p, s.charCodeAt(p + 1) === 10 ? p + 2 : p + 1);
    if (here === 92 && s.charCodeAt(p + 1) === code) return this.aligned(p + 1, p + 2);
    if (here === 38) {
      const entity = /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});?/iu.exec(s.slice(p, p + 40));
      if (entity) return this.aligned(p, p + entity[0].length);
    }
    // Skip what the parser dropped (markup inside the range) until the character appears.
    const found = s.indexOf(String.fromCharCode(code), p);
    if (found >= 0 && found < end) return this.aligned(found, found + 1);
    this.aligned(Math.min(p, end), p);
  }

  private aligned(offset: number, next: number): void {
    this.alignedAt = offset;
    this.alignedNext = next;
  }

  /** The `k`-th character from the end (1: the last); before the start stands `\n`, so nothing begins with a break. */
  private lastChar(k: number): string {
    const n = this.chars.length;
    return n >= k ? this.chars[n - k]! : '\n';
  }

  private push(char: string, at: number): void {
    this.chars.push(char);
    this.offsets.push(at);
  }

  private trimSpace(): void {
    this.chars.pop();
    this.offsets.pop();
  }

  /** The rendering; the offset past the end maps to the end of the source. */
  done(): Rendering {
    return { text: this.chars.join(''), offsets: this.offsets.concat(this.source.length) };
  }
}

/** Whether a code unit is whitespace, as `/\s/u` tests it. */
export function isWhiteSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
