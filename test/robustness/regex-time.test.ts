/**
 * Issue 5: every regular expression compiled from `rules/` against adversarial strings. A pattern
 * that runs over whole lines must take time roughly linear in the input (4n < 8 × n); a pattern
 * only ever applied to a heading-shaped line (at most 2 × `heading.maxChars` characters, see
 * `titleShaped` in src/stages/segment.ts) must be quick at that length.
 */
import { loadRules } from '../../src/rules/load.js';

const rules = loadRules();

/** Patterns applied to lines and paragraphs of any length. */
const unbounded: [name: string, re: RegExp][] = [
  ['structure: bullet', rules.bullet],
  ...rules.noise.map((n, i): [string, RegExp] => [`structure: noise ${n.id} #${i}`, n.re]),
  ...rules.labels.map((l, i): [string, RegExp] => [`contacts: label ${l.field} #${i}`, l.re]),
  ['contacts: cue', rules.contactCue],
  ['roles: titles', rules.titles],
  ['organizations: member cue', rules.memberCue],
  // Sticky in use (tried at name starts only); searched at every position here, its worst case.
  ['municipalities: finder', new RegExp(rules.municipalities.finder.source, 'gu')],
  ['municipalities: start scan', rules.municipalities.startScan],
  ...rules.subtitles.map((re, i): [string, RegExp] => [`kinds: subtitle #${i}`, re]),
  ['patterns: years', rules.year],
  ...[...rules.targets].map(([id, re]): [string, RegExp] => [`patterns: target ${id}`, re]),
  ['patterns: glued words', rules.gluedWords],
];

/** Patterns applied only to heading-shaped lines. */
const bounded: [name: string, re: RegExp][] = [
  ...rules.heading.aliases.map((a): [string, RegExp] => [`sections: ${a.id} ${a.re.source}`, a.re]),
  ...rules.coalitionTitles.map((re, i): [string, RegExp] => [`kinds: coalition title #${i}`, re]),
];

/** Adversarial inputs of about `n` characters. */
const inputs: [name: string, make: (n: number) => string][] = [
  ['one letter', (n) => 'a'.repeat(n)],
  ['capitals', (n) => 'A'.repeat(n)],
  ['aB', (n) => 'aB'.repeat(n / 2)],
  ['a.a.a.', (n) => 'a.'.repeat(n / 2)],
  ['[at]', (n) => '[at]'.repeat(n / 4)],
  ['commas', (n) => ','.repeat(n)],
  ['a, a, ', (n) => 'a, '.repeat(n / 3)],
  ['digits', (n) => '1'.repeat(n)],
  ['digit groups', (n) => '06 12 '.repeat(n / 6)],
  ['spaces', (n) => `van${' '.repeat(n)}x`],
  ['particles', (n) => 'van der '.repeat(n / 8)],
  ['van 12', (n) => 'van 12 '.repeat(n / 7)],
  ['12-', (n) => '12-'.repeat(n / 3)],
  ['percentage', (n) => 'percentage aantal '.repeat(n / 18)],
  ['title prefix', (n) => `Coalitie in ${'a, '.repeat(n / 3)}`],
  ['subtitle prefix', (n) => `Gemeente ${'Lisse, '.repeat(n / 7)}!x`],
  ['dashes', (n) => '– '.repeat(n / 2)],
  ['Aa', (n) => 'Aa '.repeat(n / 3)],
  ['glued', (n) => `${'eenzaamheid'.repeat(n / 11)}Bijna`],
  ['municipality start', (n) => 'Bergen op '.repeat(n / 10)],
  ['labels', (n) => 'Telefoon E-mail '.repeat(n / 16)],
];

/** Best-of-three time to find every match of `re` in `text`. */
function scan(re: RegExp, text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    if (re.global || re.sticky) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) if (m[0] === '') re.lastIndex++;
      re.lastIndex = 0;
    } else re.test(text);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('rules regular expressions on adversarial strings', () => {
  test.each(unbounded)('%s: time for 80,000 characters < 8 × time for 20,000, on every input', (_name, re) => {
    const slow: string[] = [];
    for (const [input, make] of inputs) {
      // As is, and with a tail that makes an anchored match fail late (`.` stops at the line end, `$` does not match before it).
      for (const tail of ['', '\n!']) {
        const t1 = scan(re, make(20_000) + tail);
        const t4 = scan(re, make(80_000) + tail);
        // Below 2 ms the timer and GC dominate: count the small run as at least 2 ms.
        if (t4 / Math.max(t1, 2) >= 8) slow.push(`${input}${tail ? ' + failing tail' : ''}: ${t1.toFixed(1)} ms → ${t4.toFixed(1)} ms`);
      }
    }
    expect(slow).toEqual([]);
  });

  test.each(bounded)('%s: under 5 ms on every input at the longest heading-shaped line', (_name, re) => {
    const length = rules.heading.maxChars * 2;
    const slow = inputs
      .flatMap(([input, make]) => ['', '\n!'].map((tail) => [input + tail, scan(re, make(length).slice(0, length - tail.length) + tail)] as const))
      .filter(([, ms]) => ms >= 5);
    expect(slow).toEqual([]);
  });
});
