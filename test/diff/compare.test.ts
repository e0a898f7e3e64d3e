/** Comparing datasets: records added, removed and changed; reordering, whitespace and span shifts are no change. */
import { diffDatasets } from '../../src/diff/compare.js';
import { diffList } from '../../src/diff/items.js';
import { datasetOf, type DataRecord, type ListChange, type ScalarChange } from '../../src/diff/types.js';
import { recordProblems } from '../../src/stages/validate.js';
import { records, versions } from './fixtures.js';

const report = () => {
  const { old, new: now } = versions();
  return diffDatasets(old, now);
};
const change = (field: string) => report().changed[0]!.changes.find((c) => c.field === field);

describe('the fixture datasets', () => {
  test('are valid against the record schema', () => {
    const { old, new: now } = versions();
    expect([...records(old), ...records(now)].flatMap((r) => recordProblems(r))).toEqual([]);
  });
});

describe('diffDatasets', () => {
  test('a record only in the new dataset is added', () => {
    expect(report().added.map((r) => r.id)).toEqual(['hillegom']);
  });
  test('a record only in the old dataset is removed', () => {
    expect(report().removed.map((r) => r.id)).toEqual(['westland']);
  });
  test('only rijswijk changed; the other three records count as unchanged', () => {
    const r = report();
    expect(r.changed.map((c) => [c.id, c.path, c.changes.map((f) => f.field)])).toEqual([
      ['rijswijk', 'input/004_5e9e29e7f646534a.txt', ['title', 'name', 'organizations', 'phones']],
    ]);
    expect(r.unchanged).toBe(3);
  });
  test('a changed scalar gives old and new value, and the line of the new one', () => {
    expect(change('title')).toEqual<ScalarChange>({
      kind: 'scalar', field: 'title', old: 'Coalitie in Rijswijk, Zuid-Holland', new: 'Coalitie in Rijswijk (ZH.), Zuid-Holland', line: 1,
    });
    expect(change('name')).toMatchObject({ old: null, new: 'Samen tegen eenzaamheid', line: 3 });
  });
  test('items added and removed are named by their text; a same-named item with another type changed in place', () => {
    const orgs = change('organizations') as ListChange;
    expect(orgs.added.map((i) => [i.label, i.line])).toEqual([['Bibliotheek Rijswijk', 41]]);
    expect(orgs.removed.map((i) => [i.label, i.line])).toEqual([['Optisport', null]]);
    expect(orgs.modified.map((m) => [m.old.label, (m.old.item as { type: string }).type, (m.new.item as { type: string }).type, m.new.line])).toEqual([
      ['Haaglanden Beweegt en Sportief Plus', 'sports', 'welfare', 33],
    ]);
  });
  test('a string item takes its line from the record\'s spans at the same index', () => {
    expect(change('phones')).toMatchObject({ added: [{ label: '+31701234567', line: 46 }], removed: [], modified: [] });
  });
  test('items reordered (and a doubled space) are no change', () => {
    expect(report().changed.some((c) => c.id === 'lansingerland')).toBe(false);
  });
  test('spans shifted by a blank line, and a new source sha256, are no change; such records are noted as cosmetic', () => {
    expect(report().changed.some((c) => c.id === 'lisse')).toBe(false);
    expect(report().cosmetic).toEqual(['lansingerland', 'lisse']);
  });
  test('counts per field in schema order: records, items added, removed, changed in place', () => {
    expect(report().fields).toEqual([
      ['title', { records: 1 }],
      ['name', { records: 1 }],
      ['organizations', { records: 1, added: 1, removed: 1, modified: 1 }],
      ['phones', { records: 1, added: 1, removed: 0, modified: 0 }],
    ]);
  });
  test('warnings and the municipality span are not data; its name, code or province are', () => {
    const { old } = versions();
    const lisse = records(old).find((r) => r.id === 'lisse')!;
    const moved: DataRecord = JSON.parse(JSON.stringify(lisse));
    (moved.municipality as { span: { start: { line: number } } }).span.start.line = 9;
    moved.warnings = [];
    expect(diffDatasets(datasetOf('a', [lisse]), datasetOf('b', [moved]))).toMatchObject({ changed: [], unchanged: 1, cosmetic: ['lisse'] });
    (moved.municipality as { province: string }).province = 'Noord-Holland';
    expect(diffDatasets(datasetOf('a', [lisse]), datasetOf('b', [moved])).changed[0]!.changes).toEqual([
      {
        kind: 'scalar', field: 'municipality', line: 9,
        old: { name: 'Lisse', code: 'GM0553', province: 'Zuid-Holland' },
        new: { name: 'Lisse', code: 'GM0553', province: 'Noord-Holland' },
      },
    ]);
  });
  test('identical datasets: nothing changed, nothing cosmetic', () => {
    const { old } = versions();
    expect(diffDatasets(old, old)).toMatchObject({ added: [], removed: [], changed: [], unchanged: 5, cosmetic: [], fields: [] });
  });
});

describe('diffList', () => {
  test('lists are multisets: a second copy of an item is an added item', () => {
    expect(diffList('emails', ['a@x.nl'], ['a@x.nl', 'a@x.nl'])).toEqual({ added: [1], removed: [], modified: [] });
  });
  test('case, whitespace and trailing punctuation are no change (SPEC §6)', () => {
    expect(diffList('goals', [{ text: 'Meer  ontmoeting.' }], [{ text: 'meer ontmoeting' }])).toEqual({ added: [], removed: [], modified: [] });
  });
  test('web addresses match with and without scheme, www. and trailing slash', () => {
    expect(diffList('websites', ['https://www.lisse.nl/'], ['http://lisse.nl'])).toEqual({ added: [], removed: [], modified: [] });
  });
  test('municipalities match by code: a new name for the same code is a change in place', () => {
    expect(diffList('municipalitiesMentioned', [{ name: 'Den Haag', code: 'GM0518' }], [{ name: "'s-Gravenhage", code: 'GM0518' }])).toEqual({
      added: [], removed: [], modified: [[0, 0]],
    });
  });
  test('years are numbers and match as such', () => {
    expect(diffList('years', [2020, 2021], [2021, 2022])).toEqual({ added: [1], removed: [0], modified: [] });
  });
});
