import { cpSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { classify } from '../../src/stages/segment.js';
import { organizationType } from '../../src/extract/sections.js';
import { lookup, resolveTitle } from '../../src/extract/municipalities.js';
import { loadRules, RulesError, bundledRulesDir } from '../../src/rules/load.js';
import { root, tempDir } from '../helpers.js';
import type { Context } from '../../src/extract/context.js';

const rules = loadRules();
const yaml = (file: string) => parse(readFileSync(join(root, 'rules', file), 'utf8'));

describe('bundled rules: every example does what it says', () => {
  test('every heading example classifies to its kind', () => {
    for (const entry of yaml('sections.yaml').headings) expect([entry.id, classify(entry.example, rules)]).toEqual([entry.id, entry.kind]);
  });
  test('every heading pattern matches itself written out', () => {
    expect(classify('Wat wil gemeente Rijswijk bereiken?', rules)).toBe('goals');
    expect(classify('DOELSTELLINGEN:', rules)).toBe('goals');
    expect(classify('2. Deelnemende organisaties', rules)).toBe('organizations');
    expect(classify('Communicatie en campagnes', rules)).toBeNull();
  });
  test('every organisation-type example gets its type', () => {
    const context = { rules } as Context;
    for (const entry of yaml('organizations.yaml').types) expect([entry.id, organizationType(entry.example, context)]).toEqual([entry.id, entry.type]);
  });
  test('bullet, noise and pattern examples match', () => {
    const structure = yaml('structure.yaml');
    for (const entry of structure.bullets) expect(rules.bullet.test(entry.example.trim())).toBe(true);
    for (const entry of structure.noise) expect([entry.id, rules.noise.some((n) => n.id === entry.id && n.re.test(entry.example))]).toEqual([entry.id, true]);
    const patterns = yaml('patterns.yaml');
    expect(patterns.years.example.match(rules.year)).toEqual(['2020', '2021']);
    for (const entry of patterns.targets) {
      const re = rules.targets.get(entry.id)!;
      re.lastIndex = 0;
      expect([entry.id, re.test(entry.example)]).toEqual([entry.id, true]);
    }
    rules.gluedWords.lastIndex = 0;
    expect(rules.gluedWords.exec(patterns.gluedWords.example)?.groups).toEqual({ left: 'eenzaamheid', right: 'Bijna' });
    expect(patterns.obfuscatedEmails.example.match(rules.obfuscatedEmail.re)).toEqual(['info [at] welzijnbest [punt] nl']);
    expect(patterns.obfuscatedEmails.example.replace(rules.obfuscatedEmail.marker, '@').replace(rules.obfuscatedEmail.dotMarker, '.')).toBe('info@welzijnbest.nl');
    expect('mail naam(at)domein.nl.'.match(rules.obfuscatedEmail.re)).toEqual(['naam(at)domein.nl']);
    expect(patterns.phoneLike.example.match(rules.phoneLike)).toEqual(['06-2145789']);
    expect('in 2021 en 2022 met 1.500 mensen'.match(rules.phoneLike)).toBeNull();
    expect([rules.openingHours.test(patterns.openingHours.example), rules.openingHours.test('0900-1700')]).toEqual([true, false]);
  });
  test('article, organisation-link, not-a-list and hyphen-surname examples', () => {
    expect(rules.afterArticle.test('het Buurtcafé in de ')).toBe(true);
    expect(rules.organizationLink.exec(yaml('roles.yaml').organizationLinks.example)?.index).toBe('coördinator eenzaamheid'.length);
    expect(yaml('organizations.yaml').notListStarts.example.split(' en ').map((part: string) => rules.notListStart.test(part))).toEqual([true, true]);
    expect(rules.hyphenSurname.exec('-te Lintelo sprak')?.[0]).toBe('-te Lintelo');
  });
  test('desk, not-a-role and lower-case organisation examples', () => {
    expect([...yaml('contacts.yaml').desks.example.matchAll(rules.desk)].map((m) => m[1])).toEqual(['Haagse Hulplijn']);
    expect(rules.notRole.test('die de coalitie trekt')).toBe(true);
    expect(rules.notRole.test('tel. 070 123 45 67')).toBe(true);
    expect(rules.notRole.test('opbouwwerker')).toBe(false);
    expect(yaml('organizations.yaml').lowerCaseStarts.example.split(', ').map((part: string) => rules.organizationStart.test(part))).toEqual([false, false, true]);
  });
  test('contact label, role and name examples', () => {
    for (const entry of yaml('contacts.yaml').labels) {
      expect([entry.id, rules.labels.find((l) => l.re.test(entry.example))?.field]).toEqual([entry.id, entry.field]);
    }
    expect(rules.roles.get('ambassadeurs')).toBe('ambassadeur');
    expect(rules.firstNames.has('Mariëlle')).toBe(true);
    expect(rules.particles.has('el')).toBe(true);
  });
  test('municipality examples resolve', () => {
    expect(lookup('Den Haag', rules)).toEqual(['GM0518']);
    expect(lookup('Bergen', rules).sort()).toEqual(['GM0373', 'GM0893']);
    expect(lookup('Bergen', rules, 'Limburg')).toEqual(['GM0893']);
    const title = { text: 'Coalitie in Leeuwarden, Friesland', start: 0, end: 33 };
    expect(resolveTitle(title, null, rules)).toMatchObject({ code: 'GM0080', name: 'Leeuwarden', province: 'Fryslân', writtenProvince: 'Fryslân' });
    expect(rules.municipalities.byCode.size).toBe(342);
  });
});

describe('a bad rules folder is a clear error naming the file and key', () => {
  const copy = (edit: (dir: string) => void): string => {
    const dir = tempDir();
    cpSync(bundledRulesDir, dir, { recursive: true });
    edit(dir);
    return dir;
  };
  const error = (dir: string): string => {
    try {
      loadRules(dir, 'myrules');
    } catch (e) {
      expect(e).toBeInstanceOf(RulesError);
      return (e as Error).message;
    }
    throw new Error('no error');
  };
  test('invalid YAML names the line', () => {
    const dir = copy((d) => writeFileSync(join(d, 'roles.yaml'), 'roles: [\n  - id: x\n'));
    expect(error(dir)).toMatch(/^Cannot read rules file `myrules\/roles\.yaml:\d+:\d+`: invalid YAML/);
  });
  test('an unknown section kind names the key and the allowed values', () => {
    const dir = copy((d) => {
      const file = join(d, 'sections.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('kind: goals', 'kind: doelen'));
    });
    expect(error(dir)).toBe(
      'Cannot read rules file `myrules/sections.yaml`: key `headings[0].kind`: must be one of `goals`, `organizations`, `contact`, `activities`, `approach`, `other`',
    );
  });
  test('a duplicate id names both files', () => {
    const dir = copy((d) => {
      const file = join(d, 'roles.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('id: role-words', 'id: goals-heading'));
    });
    expect(error(dir)).toBe('Cannot read rules file `myrules/sections.yaml`: key `headings[0].id`: duplicate id `goals-heading` (also in `myrules/roles.yaml`)');
  });
  test('an invalid regular expression is named', () => {
    const dir = copy((d) => {
      const file = join(d, 'patterns.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/pattern: "\(\?<left>/u, 'pattern: "((?<left>'));
    });
    expect(error(dir)).toMatch(/^Cannot read rules file `myrules\/patterns\.yaml`: key `gluedWords\.pattern`: invalid regular expression/);
  });
  test('a word list names the line of a bad entry, and its missing header', () => {
    const bad = copy((d) => writeFileSync(join(d, 'first-names.txt'), '# id: names\n# description: x\n# example: Anna\nAnna\nanna de\n'));
    expect(error(bad)).toBe('Cannot read rules file `myrules/first-names.txt:5`: expected one capitalised word per line, got `anna de`');
    const headless = copy((d) => writeFileSync(join(d, 'first-names.txt'), 'Anna\n'));
    expect(error(headless)).toBe('Cannot read rules file `myrules/first-names.txt`: key `id`: is missing (a `# id: …` line at the top)');
  });
  test('a missing file is named', () => {
    const dir = copy((d) => writeFileSync(join(d, 'kinds.yaml'), ''));
    expect(error(dir)).toBe('Cannot read rules file `myrules/kinds.yaml`: key `(top)`: must be object');
  });
});

describe('phrases that must start a word', () => {
  const all = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);
  test('a contact cue counts at a word start only, in any case', () => {
    expect(all(rules.contactCue, 'Neem contact op met Anna; (stuur een mail naar Piet) xneem contact op met Kees, éneem contact op met Jan')).toEqual([
      [0, 'Neem contact op met '],
      [27, 'stuur een mail naar '],
    ]);
  });
  test('a member cue likewise', () => {
    const phrase = yaml('organizations.yaml').members.phrases[0] as string;
    expect(all(rules.memberCue, `${phrase}: A. x${phrase}: B. (${phrase.toUpperCase()})`)).toEqual([
      [0, phrase],
      [phrase.length * 2 + 12, phrase.toUpperCase()],
    ]);
  });
});
