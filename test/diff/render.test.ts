/** The three report formats on the fixture datasets, asserted exactly; the JSON against its shipped schema. */
import { Ajv } from 'ajv';
import { diffDatasets } from '../../src/diff/compare.js';
import { renderJson } from '../../src/diff/render-json.js';
import { MARKDOWN_LIMITS, renderMarkdown } from '../../src/diff/render-markdown.js';
import { renderText } from '../../src/diff/render-text.js';
import { datasetOf, type DataRecord } from '../../src/diff/types.js';
import { diffSchema } from '../../src/schema/diff.js';
import { expectedJson, expectedText } from './expected.js';
import { records, versions } from './fixtures.js';

const report = () => {
  const { old, new: now } = versions();
  return diffDatasets(old, now);
};
const R = 'input/004_5e9e29e7f646534a.txt';

const validate = new Ajv({ allErrors: true, strict: true }).compile(diffSchema);

describe('text', () => {
  test('summary first, then per record and field -/+ lines, each new value with its place', () => {
    expect(renderText(report(), { color: false })).toBe(expectedText);
  });
  test('colour only when asked for: green +, red -, yellow ~', () => {
    const text = renderText(report(), { color: true });
    expect(text).toContain('\x1b[32m+ Bibliotheek Rijswijk\x1b[0m  \x1b[2minput/004_5e9e29e7f646534a.txt:41\x1b[0m');
    expect(text).toContain('\x1b[31m- Optisport\x1b[0m');
    expect(text.replace(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'gu'), '')).toBe(expectedText);
    expect(renderText(report(), { color: false })).not.toContain('\x1b');
  });
  test('no differences', () => {
    const { old } = versions();
    expect(renderText(diffDatasets(old, old), { color: false })).toBe('Dataset diff: old → old\nNo differences: 5 records unchanged.\n');
  });
});

describe('json', () => {
  test('the SPEC §5 shape, valid against the shipped schema', () => {
    const json = JSON.parse(renderJson(report())) as unknown;
    expect(json).toEqual(expectedJson);
    expect(validate(json)).toBe(true);
  });
  test('no differences is valid too', () => {
    const { old } = versions();
    const json = JSON.parse(renderJson(diffDatasets(old, old))) as unknown;
    expect(json).toEqual({ summary: { added: 0, removed: 0, changed: 0, unchanged: 5, fields: {} }, added: [], removed: [], changed: [] });
    expect(validate(json)).toBe(true);
  });
  test('the schema rejects another shape', () => {
    expect(validate({ summary: { added: 1 }, added: [], removed: [], changed: [{ id: 'x', fields: { title: { old: 'a' } } }] })).toBe(false);
  });
});

describe('markdown', () => {
  test('a summary table, the ids added and removed, then one <details> section per changed record', () => {
    expect(renderMarkdown(report())).toBe(`### Dataset changes

\`old\` → \`new\`

| | added | removed | changed | unchanged |
|---|---:|---:|---:|---:|
| records | 1 | 1 | 1 | 3 |

| field | records | items added | items removed | items changed |
|---|---:|---:|---:|---:|
| \`title\` | 1 |  |  |  |
| \`name\` | 1 |  |  |  |
| \`organizations\` | 1 | 1 | 1 | 1 |
| \`phones\` | 1 | 1 | 0 | 0 |

**Added:** \`hillegom\`

**Removed:** \`westland\`

<details><summary><code>rijswijk</code>: title, name, organizations, phones</summary>

\`\`\`diff
@@ title @@
- Coalitie in Rijswijk, Zuid-Holland
+ Coalitie in Rijswijk (ZH.), Zuid-Holland  ${R}:1
@@ name @@
- (none)
+ Samen tegen eenzaamheid  ${R}:3
@@ organizations @@
- Optisport
+ Bibliotheek Rijswijk  ${R}:41
~ Haaglanden Beweegt en Sportief Plus  type: sports → welfare  ${R}:33
@@ phones @@
+ +31701234567  ${R}:46
\`\`\`

</details>

_2 unchanged records differ only in spans, source, warnings, whitespace or case: \`lansingerland\`, \`lisse\`._
`);
  });

  test('stays readable with 300 changed records: long lists cut, under GitHub\'s comment limit, the rest named', () => {
    const base = records(versions().old).find((r) => r.id === 'rijswijk')!;
    const make = (i: number, extra: number): DataRecord => ({
      ...base,
      id: `gemeente-${String(i).padStart(3, '0')}`,
      organizations: Array.from({ length: extra }, (_, k) => ({ name: `Organisatie ${k} met een wat langere naam`, type: 'other', span: (base.organizations as { span: unknown }[])[0]!.span })),
    });
    const old = datasetOf('a', Array.from({ length: 300 }, (_, i) => make(i, 0)));
    const now = datasetOf('b', Array.from({ length: 300 }, (_, i) => make(i, 25)));
    const markdown = renderMarkdown(diffDatasets(old, now));
    expect(markdown.length).toBeLessThan(65_536);
    expect(markdown).toContain('  … and 15 more\n```');
    const sections = markdown.split('<details>').length - 1;
    expect(sections).toBeGreaterThan(50);
    expect(sections).toBeLessThan(300);
    expect(markdown).toContain(`… and ${300 - sections} more changed records: \`gemeente-${String(sections).padStart(3, '0')}\``);
    expect(markdown).toContain(` … and ${300 - sections - MARKDOWN_LIMITS.ids} more (run \`coalex diff\` for the full report).`);
  });

  test('a value holding backticks gets a longer fence', () => {
    const base = records(versions().old).find((r) => r.id === 'westland')!;
    const markdown = renderMarkdown(diffDatasets(datasetOf('a', [base]), datasetOf('b', [{ ...base, title: 'Met ``` erin' }])));
    expect(markdown).toContain('````diff\n@@ title @@\n- Coalitie in Westland, Zuid-Holland\n+ Met ``` erin  input/003_50a3185e2e5032f2.txt:1\n````');
  });
});
