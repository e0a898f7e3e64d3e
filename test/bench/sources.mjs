/**
 * The material the benchmark corpus is composed from: the real pages in `input/` and
 * `test/corpus/*.txt`, cut into intros, name lines and sections of a known kind, plus the
 * CBS register and the first-name lexicon from `rules/`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Section kinds the generator recognises by heading (first match wins, so the order matters). */
const KINDS = [
  ['contact', /contact|meer informatie|meer weten/iu],
  ['organizations', /organisat|partner|samenwerk|kerngroep|wie doen|doen er mee/iu],
  ['activities', /activiteit|acties|wat doen|doen we/iu],
  ['goals', /doel|ambitie|bereik|willen we/iu],
  ['approach', /aanpak|pakken we/iu],
];

/** A bullet line: indentation, marker, text. */
export const BULLET = /^(\s*)([•\-*–·]|\d{1,2}[.)])\s+(.*)$/u;

/** The source files, in sorted order (deterministic), as `{ path, text }`. */
export function sourceFiles(repo) {
  const files = [];
  for (const dir of ['input', 'test/corpus']) {
    for (const name of readdirSync(join(repo, dir)).sort()) {
      if (name.endsWith('.txt')) files.push({ path: `${dir}/${name}`, text: readFileSync(join(repo, dir, name), 'utf8') });
    }
  }
  return files;
}

/** Blocks of consecutive non-blank lines. */
function blocksOf(text) {
  const blocks = [];
  let current = [];
  for (const line of text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').split('\n')) {
    if (/^[\s\u00a0]*$/u.test(line)) {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else current.push(line.replace(/\s+$/u, ''));
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

function headingLike(block) {
  if (block.length !== 1) return false;
  const line = block[0].trim();
  return line.length <= 80 && line.split(/\s+/u).length <= 10 && !/[.,;]$/u.test(line) && !BULLET.test(block[0]) && !/^['‘"]/u.test(line) && !/\S:\s*\S/u.test(line) && !(line.endsWith(':') && line.split(/\s+/u).length > 3);
}

/** The kind of a heading, or null. Numbering (`2. Acties`) and a trailing colon are ignored. */
export function kindOf(heading) {
  const bare = stripHeading(heading);
  for (const [kind, pattern] of KINDS) if (pattern.test(bare)) return kind;
  return null;
}

function stripHeading(heading) {
  return heading.trim().replace(/^\d{1,2}\.\s+/u, '').replace(/:$/u, '');
}

/**
 * Cuts the sources into pools: `intros` and `names` of coalition pages, `sections` by kind
 * (`other` holds the sections of the pages that are no coalition page). Every piece keeps the
 * place names of its page, so that the generator can put another municipality in.
 */
export function buildPools(files) {
  const pools = { intros: [], names: [], sections: { goals: [], approach: [], activities: [], organizations: [], contact: [], other: [] } };
  for (const file of files) {
    const blocks = blocksOf(file.text);
    const title = /^Coalitie in (.+), ([^,]+)$/u.exec(blocks[0]?.[0] ?? '');
    if (!title) {
      addOtherSections(file, blocks, pools);
      continue;
    }
    const place = title[1];
    const places = [...new Set([place, place.replace(/\s*\([^)]*\)$/u, '')])];
    let index = 1;
    if (/^Gemeente /u.test(blocks[index]?.[0] ?? '')) index++;
    const next = blocks[index];
    if (next && headingLike(next) && kindOf(next[0]) === null && next[0].length <= 60 && !/^Gemeente /u.test(next[0])) {
      pools.names.push({ text: next[0].trim(), places, source: file.path });
      index++;
    }
    let section = null;
    const intro = [];
    for (; index < blocks.length; index++) {
      const block = blocks[index];
      const kind = headingLike(block) ? kindOf(block[0]) : null;
      if (kind) {
        section = { kind, heading: stripHeading(block[0]), blocks: [], places, source: file.path };
        pools.sections[kind].push(section);
      } else if (section) section.blocks.push(block);
      else intro.push(block);
    }
    if (intro.length > 0) pools.intros.push({ blocks: intro, places, source: file.path });
  }
  for (const kind of Object.keys(pools.sections)) pools.sections[kind] = pools.sections[kind].filter((s) => s.blocks.length > 0);
  return pools;
}

function addOtherSections(file, blocks, pools) {
  let section = null;
  for (const block of blocks.slice(1)) {
    if (headingLike(block)) {
      section = { kind: 'other', heading: stripHeading(block[0]), blocks: [], places: [], source: file.path };
      pools.sections.other.push(section);
    } else if (section) section.blocks.push(block);
  }
}

/** The CBS register: `{ code, name, province }` rows (a quoted name may hold a comma). */
export function municipalities(repo) {
  const rows = [];
  for (const line of readFileSync(join(repo, 'rules/municipalities.csv'), 'utf8').split(/\r?\n/u).slice(1)) {
    if (!line.trim()) continue;
    const cells = [...line.matchAll(/"((?:[^"]|"")*)"|([^,]*)/gu)].filter((m) => m.index === 0 || line[m.index - 1] === ',');
    const [code, name, province] = cells.map((m) => (m[1] !== undefined ? m[1].replace(/""/gu, '"') : m[2]));
    rows.push({ code, name, province });
  }
  return rows;
}

/** The Dutch first names of the lexicon (`rules/first-names.txt`, one a line, or the older `first-names.yaml` list). */
export function firstNames(repo) {
  const file = ['first-names.txt', 'first-names.yaml'].map((name) => join(repo, 'rules', name)).find((path) => existsSync(path));
  if (!file) throw new Error('Cannot find the first-name lexicon in rules/ (first-names.txt or first-names.yaml)');
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim().replace(/^- /u, '').replace(/^["']|["']$/gu, ''))
    .filter((name) => /^\p{Lu}\p{Ll}+$/u.test(name));
}
