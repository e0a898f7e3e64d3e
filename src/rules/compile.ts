/** Turns validated rules files into matchers, once per process. */
import type { OrganizationType, SectionKind } from '../schema/record.js';
import { escapeRegExp, fold } from '../util/text.js';
import { RulesError } from './errors.js';
import type { MunicipalityRow, RawRules } from './load.js';

/** A municipality of the register. */
export type Municipality = MunicipalityRow;

/** Compiled rules: everything the stages look up. */
export interface Rules {
  hash: string;
  heading: {
    maxWords: number;
    maxChars: number;
    aliases: { id: string; kind: SectionKind; re: RegExp }[];
    /** Tried when no alias matches, on headings of at most `keywordMaxWords` words. */
    keywords: { id: string; kind: SectionKind; re: RegExp }[];
    keywordMaxWords: number;
    /** Decoration around a heading's text (`>> `, ` —`), to be removed. */
    decoration: RegExp;
    /** Endings of link texts (`(pdf)`): such a line is no heading. */
    linkEndings: string[];
  };
  bullet: RegExp;
  /** `seam`: where a caption glued to the next sentence ends (just after the match). */
  noise: { id: string; re: RegExp; afterQuote: boolean; seam: RegExp | null }[];
  labels: { field: 'person' | 'role' | 'phone' | 'email' | 'website' | 'organization'; re: RegExp }[];
  /** Words that keep a later sentence about the contact person (`Hij is bereikbaar op …`). */
  continuations: Set<string>;
  contactCue: RegExp;
  /** A desk named before its number (`Haagse Hulplijn: 0800-…`); group 1 is the name. Global. */
  desk: RegExp;
  roles: Map<string, string>;
  titles: RegExp;
  /** A part after a name that starts a clause or a contact detail, not a role. */
  notRole: RegExp;
  /** A lower-case part after a name that is an organisation (`gemeente Buren`). */
  organizationStart: RegExp;
  organizationTypes: { type: OrganizationType; test: (name: string) => boolean }[];
  /** A phrase that introduces the coalition's members in prose (`bestaat uit`, `Kerngroep:`). Global. */
  memberCue: RegExp;
  particles: Set<string>;
  notNames: Set<string>;
  /** `Oude` in `Gerben Oude Kotte`. */
  surnameStarts: Set<string>;
  /** A word that ends like this (`Steunpunt`) starts a desk's name, not a person's. */
  notNameEnding: RegExp;
  /** Text that ends in an article (`… in de `): a name after it is a place or thing. */
  afterArticle: RegExp;
  /** A hyphen and a second surname, maybe with particles (`-te Lintelo`). */
  hyphenSurname: RegExp;
  /** Where a role phrase turns to its organisation (` bij Stichting …`). */
  organizationLink: RegExp;
  /** A prose list part that starts with one of these words is prose (`van de bibliotheek tot …`). */
  notListStart: RegExp;
  firstNames: Set<string>;
  municipalities: {
    byCode: Map<string, Municipality>;
    /** Matches a municipality name or alias at `lastIndex` (sticky): tried only where `startWords` has the word. */
    finder: RegExp;
    /** The first word of every name and alias (`Den`, `'s`, `Bergen`), apostrophes written `'`. */
    startWords: Set<string>;
    /** Finds the words of a text that may be in `startWords`: those starting with a first letter of one (global). */
    startScan: RegExp;
    /** Folded name or alias → codes (two codes: a name shared by two municipalities). */
    byName: Map<string, string[]>;
    ambiguous: Set<string>;
    cues: Set<string>;
    /** Cues that count only for a municipality in the page's own province. */
    localCues: Set<string>;
    /** Words before a name that make it the province (`provincie Groningen`). */
    provinceCues: Set<string>;
    /** Words that, joined to a name by a hyphen, make a region or district (`Oost-Groningen`). */
    hyphenParts: Set<string>;
    provinces: Map<string, string>;
  };
  coalitionTitles: RegExp[];
  subtitles: RegExp[];
  year: RegExp;
  targets: Map<string, RegExp>;
  gluedWords: RegExp;
  /** `naam [at] domein.nl` (global) and its `[at]` marker. */
  obfuscatedEmail: { re: RegExp; marker: RegExp; dotMarker: RegExp };
  /** Digits that look like a phone number (global). */
  phoneLike: RegExp;
  /** `09.00-17.00`: opening hours, no phone number. */
  openingHours: RegExp;
  /** Extra top-level domains for addresses written without scheme. */
  webDomains: string[];
  /** The top-level domains an address without scheme or `www.` may end in. */
  bareDomains: Set<string>;
}

type Entry = { id: string; description: string; example: string };
type Files = {
  'sections.yaml': { headings: (Entry & { kind: SectionKind; patterns: string[] })[]; keywords: (Entry & { kind: SectionKind; words: string[] })[] };
  'structure.yaml': {
    heading: Entry & { maxWords: number; maxChars: number; keywordMaxWords: number; decorations: string; linkEndings: string[] };
    bullets: (Entry & { markers?: string[]; pattern?: string })[];
    noise: (Entry & { patterns: string[]; afterQuote?: boolean; seam?: string })[];
  };
  'contacts.yaml': {
    labels: (Entry & { field: Rules['labels'][number]['field']; words: string[] })[];
    cues: (Entry & { phrases: string[] })[];
    desks: Entry & { pattern: string };
    continuations: Entry & { words: string[] };
  };
  'roles.yaml': { roles: (Entry & { words: string[][] })[]; titles: (Entry & { words: string[] })[]; notRoles: Entry & { words: string[] }; organizationLinks: Entry & { words: string[] } };
  'organizations.yaml': {
    types: (Entry & { type: OrganizationType; keywords?: { text: string; match: 'word' | 'prefix' | 'part' }[]; pattern?: string })[];
    members: Entry & { phrases: string[] };
    lowerCaseStarts: Entry & { pattern: string };
    notListStarts: Entry & { words: string[] };
  };
  'names.yaml': { particles: Entry & { words: string[] }; notNames: Entry & { words: string[] }; surnameStarts: Entry & { words: string[] }; notNameEndings: Entry & { words: string[] }; articles: Entry & { words: string[] } };
  'first-names.txt': Entry & { names: string[] };
  'municipalities.yaml': {
    aliases: Entry & { names: Record<string, string> };
    ambiguous: Entry & { names: string[]; cues: string[]; localCues: string[]; qualifiers: Record<string, string> };
    provinces: Entry & { names: Record<string, string> };
    provinceCues: Entry & { words: string[] };
    hyphenParts: Entry & { words: string[] };
  };
  'kinds.yaml': { coalition: Entry & { patterns: string[] }; subtitle: Entry & { patterns: string[] } };
  'patterns.yaml': {
    years: Entry & { pattern: string };
    targets: (Entry & { pattern: string })[];
    webDomains: Entry & { tlds: string[]; bare: string[] };
    gluedWords: Entry & { pattern: string };
    obfuscatedEmails: Entry & { marker: string; dotMarker: string; pattern: string };
    phoneLike: Entry & { pattern: string };
    openingHours: Entry & { pattern: string };
  };
};

/** Compiles raw rules; a pattern that is not a valid regular expression is a RulesError. */
export function compileRules(raw: RawRules, hash: string, label: string): Rules {
  const files = raw as unknown as Files;
  const regex = (file: string, key: string, source: string, flags: string): RegExp => {
    try {
      return new RegExp(source, flags);
    } catch (error) {
      throw new RulesError(`${label}/${file}`, key, `invalid regular expression \`${source}\` (${(error as Error).message})`);
    }
  };

  const sections = files['sections.yaml'];
  const aliases = sections.headings.flatMap((entry) =>
    entry.patterns.map((pattern) => ({ id: entry.id, kind: entry.kind, re: aliasPattern(pattern) })),
  );

  const keywords = sections.keywords.map((entry) => ({ id: entry.id, kind: entry.kind, re: keywordPattern(entry.words) }));

  const structure = files['structure.yaml'];
  const markers = structure.bullets.flatMap((entry) => entry.markers ?? []);
  const numbered = structure.bullets.flatMap((entry, index) =>
    entry.pattern ? [regex('structure.yaml', `bullets[${index}].pattern`, entry.pattern, 'u').source.replace(/^\^/, '')] : [],
  );
  const bullet = new RegExp(`^(?:[${markers.map(escapeClass).join('')}](?=\\s)\\s*|${numbered.join('|')})`, 'u');
  const noise = structure.noise.flatMap((entry, index) =>
    entry.patterns.map((pattern, p) => ({
      id: entry.id,
      re: regex('structure.yaml', `noise[${index}].patterns[${p}]`, pattern, 'iu'),
      afterQuote: entry.afterQuote ?? false,
      seam: entry.seam ? regex('structure.yaml', `noise[${index}].seam`, entry.seam, 'u') : null,
    })),
  );

  const contacts = files['contacts.yaml'];
  const labels = contacts.labels.map((entry) => ({
    field: entry.field,
    re: new RegExp(`^(?:${alternation(entry.words)})\\s*:\\s*`, 'iu'),
  }));
  const contactCue = new RegExp(`(?<![\\p{L}])(?:${alternation(contacts.cues.flatMap((c) => c.phrases))})(?:\\s*:)?\\s+`, 'giu');

  const rolesFile = files['roles.yaml'];
  const roles = new Map<string, string>();
  for (const group of rolesFile.roles.flatMap((entry) => entry.words)) for (const word of group) roles.set(word.toLowerCase(), group[0]!);
  // A role word, or a compound that ends in one (`jongerenwerker`, `dorpsconsulenten`): the word's
  // end is enough (no `\p{L}*` before it, which would backtrack through every word).
  const titles = new RegExp(`^(?:${alternation(rolesFile.titles.flatMap((t) => t.words))})(?=\\s|$)\\s*`, 'iu');

  const organizationTypes = files['organizations.yaml'].types.map((entry, index) => {
    // One expression for all keywords of a type (any of them matching is what counts), by match mode.
    const texts = (mode: string) => (entry.keywords ?? []).filter((k) => k.match === mode).map((k) => escapeRegExp(k.text)).join('|');
    const [word, prefix, part] = [texts('word'), texts('prefix'), texts('part')];
    const parts = [
      word ? `(?<![\\p{L}])(?:${word})(?![\\p{L}])` : null,
      prefix ? `(?<![\\p{L}])(?:${prefix})` : null,
      part ? `(?:${part})` : null,
    ].filter((source): source is string => source !== null);
    const tests: RegExp[] = parts.length > 0 ? [new RegExp(parts.join('|'), 'iu')] : [];
    if (entry.pattern) tests.push(regex('organizations.yaml', `types[${index}].pattern`, entry.pattern, 'u'));
    return { type: entry.type, test: (name: string) => tests.some((re) => re.test(name)) };
  });

  const names = files['names.yaml'];
  const municipalitiesFile = files['municipalities.yaml'];
  const register = raw.municipalities;
  const byCode = new Map(register.map((row) => [row.code, row]));
  const byName = new Map<string, string[]>();
  const addName = (name: string, code: string, key: string): void => {
    if (!byCode.has(code)) throw new RulesError(`${label}/municipalities.yaml`, key, `unknown CBS code \`${code}\``);
    const folded = fold(name);
    const codes = byName.get(folded) ?? [];
    if (!codes.includes(code)) codes.push(code);
    byName.set(folded, codes);
  };
  for (const row of register) {
    addName(row.name, row.code, 'municipalities.csv');
    // `Bergen (NH.)` is also written `Bergen`: the bare name maps to every municipality that has it.
    const bare = row.name.replace(/\s*\([^)]*\)$/, '');
    if (bare !== row.name) {
      addName(bare, row.code, 'municipalities.csv');
      // `Bergen (NH)`: the qualifier is also written without its final dot.
      addName(row.name.replace(/\.\)$/u, ')'), row.code, 'municipalities.csv');
    }
  }
  for (const [alias, code] of Object.entries(municipalitiesFile.aliases.names)) addName(alias, code, `aliases.names.${alias}`);
  const spellings = [
    ...register.map((row) => row.name),
    ...register.map((row) => row.name.replace(/\s*\([^)]*\)$/, '')),
    ...register.filter((row) => /\.\)$/u.test(row.name)).map((row) => row.name.replace(/\.\)$/u, ')')),
    ...Object.keys(municipalitiesFile.aliases.names),
  ];
  const unique = [...new Set(spellings)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  // Names joined by a hyphen (`Nieuwegein-Houten`) are found here and judged in mentions().
  const finder = new RegExp(`(?<![\\p{L}\\p{N}'’])(?:${unique.map(nameSource).join('|')})(?![\\p{L}\\p{N}])`, 'uy');
  const startWords = new Set(unique.map(startWord));
  const firstChars = new Set([...startWords].flatMap((word) => (word[0] === "'" ? ["'", '’'] : [word[0]!])));
  // The first character, then a look-behind over the character before it: faster than a look-behind first.
  const startScan = new RegExp(`[${[...firstChars].map(escapeClass).join('')}](?<![\\p{L}\\p{N}'’].)[\\p{L}\\p{N}]*`, 'gu');
  const provinces = new Map(Object.entries(municipalitiesFile.provinces.names).map(([k, v]) => [fold(k), v]));

  const kinds = files['kinds.yaml'];
  const placeholders = (pattern: string) =>
    new RegExp(`^${escapeRegExp(pattern).replace('\\{place\\}', '(?<place>.+?)').replace('\\{province\\}', '(?<province>.+?)')}[.!]?$`, 'iud');

  const patterns = files['patterns.yaml'];
  return {
    hash,
    heading: {
      maxWords: structure.heading.maxWords,
      maxChars: structure.heading.maxChars,
      aliases,
      keywords,
      keywordMaxWords: structure.heading.keywordMaxWords,
      linkEndings: structure.heading.linkEndings,
      decoration: new RegExp(`^[${escapeClass(structure.heading.decorations)}\\s]+(?=\\S)|(?<=\\S)[${escapeClass(structure.heading.decorations)}\\s]+$`, 'gu'),
    },
    bullet,
    noise,
    labels,
    contactCue,
    desk: regex('contacts.yaml', 'desks.pattern', contacts.desks.pattern, 'gu'),
    continuations: new Set(contacts.continuations.words.map((w) => w.toLowerCase())),
    roles,
    titles,
    notRole: new RegExp(`^(?:${alternation(rolesFile.notRoles.words)})(?![\\p{L}])`, 'iu'),
    organizationStart: regex('organizations.yaml', 'lowerCaseStarts.pattern', files['organizations.yaml'].lowerCaseStarts.pattern, 'u'),
    organizationTypes,
    memberCue: new RegExp(`(?<![\\p{L}])(?:${alternation(files['organizations.yaml'].members.phrases)})(?![\\p{L}])`, 'giu'),
    particles: new Set(names.particles.words),
    notNames: new Set(names.notNames.words),
    surnameStarts: new Set(names.surnameStarts.words),
    afterArticle: new RegExp(`(?:^|\\s)(?:${alternation(names.articles.words)})\\s+$`, 'u'),
    hyphenSurname: new RegExp(`^(?:-(?:(?:${alternation([...names.particles.words])})\\s+)*\\p{Lu}\\p{Ll}+)+`, 'u'),
    organizationLink: new RegExp(`\\s(?:${alternation(rolesFile.organizationLinks.words)})\\s+(?=\\p{Lu}|(?:de|het)\\s+\\p{Lu}|gemeente\\s|stichting\\s)`, 'u'),
    notListStart: new RegExp(`^(?:${alternation(files['organizations.yaml'].notListStarts.words)})\\s`, 'u'),
    notNameEnding: new RegExp(`^\\p{L}*(?:${alternation(names.notNameEndings.words)})$`, 'iu'),
    firstNames: new Set(files['first-names.txt'].names),
    municipalities: {
      byCode,
      finder,
      startWords,
      startScan,
      byName,
      ambiguous: new Set(municipalitiesFile.ambiguous.names),
      cues: new Set(municipalitiesFile.ambiguous.cues),
      localCues: new Set(municipalitiesFile.ambiguous.localCues),
      provinceCues: new Set(municipalitiesFile.provinceCues.words),
      hyphenParts: new Set(municipalitiesFile.hyphenParts.words),
      provinces,
    },
    coalitionTitles: kinds.coalition.patterns.map(placeholders),
    subtitles: kinds.subtitle.patterns.map(placeholders),
    year: regex('patterns.yaml', 'years.pattern', patterns.years.pattern, 'gu'),
    targets: new Map(patterns.targets.map((entry, index) => [entry.id, regex('patterns.yaml', `targets[${index}].pattern`, entry.pattern, 'giu')])),
    gluedWords: regex('patterns.yaml', 'gluedWords.pattern', patterns.gluedWords.pattern, 'gu'),
    webDomains: patterns.webDomains.tlds,
    bareDomains: new Set(patterns.webDomains.bare),
    obfuscatedEmail: {
      re: regex('patterns.yaml', 'obfuscatedEmails.pattern', patterns.obfuscatedEmails.pattern, 'giu'),
      marker: regex('patterns.yaml', 'obfuscatedEmails.marker', patterns.obfuscatedEmails.marker, 'iu'),
      dotMarker: regex('patterns.yaml', 'obfuscatedEmails.dotMarker', patterns.obfuscatedEmails.dotMarker, 'giu'),
    },
    phoneLike: regex('patterns.yaml', 'phoneLike.pattern', patterns.phoneLike.pattern, 'gu'),
    openingHours: regex('patterns.yaml', 'openingHours.pattern', patterns.openingHours.pattern, 'u'),
  };
}

/** `Wat wil gemeente … bereiken?` → a case-insensitive whole-heading pattern. */
function aliasPattern(pattern: string): RegExp {
  const body = normalizeHeading(pattern)
    .split('…')
    .map((part) => escapeRegExp(part).replace(/ /g, '\\s+'))
    .join('\\S.*?');
  return new RegExp(`^${body}$`, 'iu');
}

/** Heading keywords → one case-insensitive pattern: `*` is any letters, `…` up to three words. */
function keywordPattern(words: string[]): RegExp {
  const sources = words.map((word) =>
    word
      .split('…')
      .map((part) =>
        part
          .trim()
          .split(/\s+/u)
          .map((w) => escapeRegExp(w).replace(/^\\\*/u, '[\\p{L}-]*').replace(/\\\*$/u, '[\\p{L}-]*'))
          .join('\\s+'),
      )
      .join('(?:\\s+\\S+){0,3}\\s+'),
  );
  return new RegExp(`(?<![\\p{L}])(?:${sources.join('|')})(?![\\p{L}])`, 'iu');
}

/** Heading text as compared with aliases: no numbering, trailing `:`/`?`, or extra spaces. */
export function normalizeHeading(text: string): string {
  return text
    .replace(/^(?:\d{1,2}|[A-Za-z])[.)]\s+/u, '')
    .replace(/[\s:?!.]+$/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

function alternation(words: string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map((w) => escapeRegExp(w).replace(/ /g, '\\s+')).join('|');
}

function escapeClass(marker: string): string {
  return marker.replace(/[\\\]^-]/g, '\\$&');
}

/** The first word of a municipality name (`'s` of `'s-Hertogenbosch`, `Den` of `Den Haag`): letters and digits, maybe after one apostrophe. */
function startWord(name: string): string {
  return startWordKey(/^['’]?[\p{L}\p{N}]+/u.exec(name)![0]);
}

/** A start word as `startWords` holds it: apostrophe written `'`. */
export function startWordKey(word: string): string {
  return word.replace('’', "'");
}

/** A municipality name as a pattern: its apostrophe may be straight or curly, spaces may be any run. */
function nameSource(name: string): string {
  return escapeRegExp(name).replace(/['’]/g, "['’]").replace(/ /g, '\\s+');
}
