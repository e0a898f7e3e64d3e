/** Municipalities: the coalition's own (from the title) and every one the text names. */
import { startWordKey, type Rules } from '../rules/compile.js';
import type { Range } from '../util/lines.js';
import { fold, lastWord } from '../util/text.js';

/** The municipality a title names, with the range of the place in the title. */
export interface TitlePlace {
  code: string;
  name: string;
  province: string;
  range: Range;
  /** The province as the title writes it, mapped to the register's name (null when absent or unknown). */
  writtenProvince: string | null;
  /** Where the title writes the province (`Utrecht` in `Coalitie in Houten, Utrecht`): not a mention. */
  provinceRange?: Range;
}

/** A municipality named in the text. */
export interface Mention {
  code: string;
  name: string;
  range: Range;
}

/** Looks a written name up in the register; a province narrows names shared by two municipalities. */
export function lookup(written: string, rules: Rules, province?: string | null): string[] {
  const codes = rules.municipalities.byName.get(fold(written)) ?? [];
  if (codes.length > 1 && province) {
    const narrowed = codes.filter((code) => rules.municipalities.byCode.get(code)!.province === province);
    if (narrowed.length > 0) return narrowed;
  }
  return codes;
}

/**
 * A title's everyday name that is the start of exactly one official name (`Valkenburg` →
 * `Valkenburg aan de Geul`, `Nuenen` → `Nuenen, Gerwen en Nederwetten`), in the written province if any.
 */
function byNameStart(written: string, rules: Rules, province: string | null): string[] {
  const start = fold(written);
  if (start.length < 3) return [];
  const codes: string[] = [];
  for (const row of rules.municipalities.byCode.values()) {
    const name = fold(row.name);
    if ((name.startsWith(`${start} `) || name.startsWith(`${start},`)) && (!province || row.province === province)) codes.push(row.code);
  }
  return codes;
}

/** The municipality of a coalition page: the title names it (`Coalitie in Lisse, Zuid-Holland`). */
export function resolveTitle(title: Range | null, subtitle: Range | null, rules: Rules): TitlePlace | null {
  for (const line of [title, subtitle]) {
    if (!line) continue;
    const patterns = line === title ? rules.coalitionTitles : rules.subtitles;
    for (const re of patterns) {
      const match = re.exec(line.text);
      if (!match?.groups?.place || !match.indices?.groups?.place) continue;
      const written = match.groups.province ? rules.municipalities.provinces.get(fold(match.groups.province)) ?? null : null;
      let codes = lookup(match.groups.place, rules, written);
      if (codes.length === 0) codes = byNameStart(match.groups.place, rules, written);
      if (codes.length !== 1) continue;
      // A sub-title alone (`Gemeente X`) makes a coalition page only when the title names the same place.
      if (line === subtitle && !(title && mentions([title], rules).some((m) => m.code === codes[0]))) continue;
      const row = rules.municipalities.byCode.get(codes[0]!)!;
      const [from, to] = match.indices.groups.place;
      const provinceAt = match.indices.groups.province;
      return {
        code: row.code,
        name: row.name,
        province: row.province,
        writtenProvince: written,
        range: { text: match.groups.place, start: line.start + from, end: line.start + to },
        ...(provinceAt ? { provinceRange: { text: match.groups.province!, start: line.start + provinceAt[0], end: line.start + provinceAt[1] } } : {}),
      };
    }
  }
  return null;
}

/**
 * Every municipality named in the ranges, once each, in order of first mention.
 * A name that is also an ordinary word (`Buren`, `Best`) needs a place cue: a cue word before
 * it (`gemeente`, `in`), a province after it, the title's place, or a neighbour in a list of
 * places (`Lochem en Brummen`). A name inside a person's name (`Petra van Putten`) is not a mention.
 */
export function mentions(ranges: Range[], rules: Rules, place?: TitlePlace | null): Mention[] {
  const found = new Map<string, Mention>();
  const { finder, startWords, startScan, byCode, ambiguous, cues, localCues, provinceCues, provinces } = rules.municipalities;
  for (const range of ranges) {
    type Candidate = { written: string; index: number; end: number; codes: string[]; ambiguous: boolean; cued: boolean };
    const candidates: Candidate[] = [];
    // As a global search with the finder would, but the finder (400 names) is tried only at words that start a name.
    startScan.lastIndex = 0;
    for (let w = startScan.exec(range.text); w; w = startScan.exec(range.text)) {
      if (!startWords.has(startWordKey(w[0]))) continue;
      finder.lastIndex = w.index;
      const match = finder.exec(range.text);
      if (!match) continue;
      startScan.lastIndex = match.index + match[0].length;
      const written = match[0];
      const before = range.text.slice(Math.max(0, match.index - 60), match.index);
      const after = range.text.slice(match.index + written.length, match.index + written.length + 40);
      const cue = lastWord(before);
      if (insidePersonName(before, rules) || provinceCues.has(cue)) continue;
      if (!hyphenJoinOk(before, after, rules)) continue;
      const at = range.start + match.index;
      if (place?.provinceRange && place.provinceRange.start <= at && at < place.provinceRange.end) continue;
      const provinceAfter = /^\s*(?:,|in)\s*([\p{L}-]+)/u.exec(after)?.[1];
      const province = provinceAfter ? provinces.get(fold(provinceAfter)) ?? null : null;
      let codes = lookup(written, rules, province);
      if (codes.length > 1 && place && codes.includes(place.code)) codes = [place.code];
      // `Bergen` on a page in Limburg is Bergen (L.).
      else if (codes.length > 1 && place) {
        const here = codes.filter((code) => byCode.get(code)!.province === place.province);
        if (here.length === 1) codes = here;
      }
      const bare = written.replace(/\s*\([^)]*\)$/u, '');
      // `in Beek` counts for the page's own province only (elsewhere it is a village or a word).
      const local = !localCues.has(cue) || !place || codes.some((code) => byCode.get(code)!.province === place.province);
      const cued = (cues.has(cue) && local) || province !== null || (place !== null && place !== undefined && codes.includes(place.code));
      candidates.push({ written, index: match.index, end: match.index + written.length, codes, ambiguous: ambiguous.has(bare) && bare === written, cued });
    }
    // A name in a list with other places (`Tilburg, Best en Bergen op Zoom`) is a place too.
    const linked = (a: Candidate, b: Candidate) => /^\s*(?:,|en|of|&)\s*$/u.test(range.text.slice(a.end, b.index));
    for (let pass = 0; pass < 2; pass++) {
      candidates.forEach((c, i) => {
        if (!c.ambiguous || c.cued) return;
        const prev = candidates[i - 1];
        const next = candidates[i + 1];
        // In the page's own province only: `Lochem, Gorssel, Laren, Barchem` lists villages of Lochem, not Laren (NH.).
        const local = !place || c.codes.some((code) => byCode.get(code)!.province === place.province);
        if (local && ((prev && (!prev.ambiguous || prev.cued) && linked(prev, c)) || (next && (!next.ambiguous || next.cued) && linked(c, next)))) c.cued = true;
      });
    }
    for (const c of candidates) {
      if ((c.ambiguous && !c.cued) || c.codes.length !== 1) continue;
      const code = c.codes[0]!;
      if (!found.has(code)) {
        const start = range.start + c.index;
        found.set(code, { code, name: byCode.get(code)!.name, range: { text: c.written, start, end: start + c.written.length } });
      }
    }
  }
  return [...found.values()];
}

/**
 * A name joined by a hyphen: `Dokkum-Dantumadiel` and `Nieuwegein-Houten` count, `Oost-Groningen`,
 * `Houten-Noord` and `'s-Heerenberg`-like words do not. Without a hyphen: true.
 */
function hyphenJoinOk(before: string, after: string, rules: Rules): boolean {
  const next = /^-(\p{Lu}[\p{L}'’]*)/u.exec(after);
  if (/^-\p{L}/u.test(after) && !(next && lookup(next[1]!, rules).length > 0)) return false;
  const previous = /(?:^|[^\p{L}])(\p{L}+)-$/u.exec(before);
  if (/-$/u.test(before)) return previous !== null && /^\p{Lu}/u.test(previous[1]!) && !rules.municipalities.hyphenParts.has(previous[1]!);
  return true;
}

/** Whether the text before a name ends in `Firstname van (der)`: the name is a surname. */
function insidePersonName(before: string, rules: Rules): boolean {
  const words = before.split(/\s+/u).filter(Boolean);
  let i = words.length - 1;
  let particles = 0;
  while (i >= 0 && rules.particles.has(words[i]!)) {
    i--;
    particles++;
  }
  // `Marjolein Roosendaal`: a first name right before the name makes it a surname.
  if (particles === 0) return i >= 0 && rules.firstNames.has(words[i]!) && /\s$/u.test(before);
  if (i < 0) return false;
  const word = words[i]!;
  return rules.firstNames.has(word) || /^(?:\p{Lu}\.)+$/u.test(word);
}
