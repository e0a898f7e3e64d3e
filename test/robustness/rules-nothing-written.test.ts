/**
 * Issue 5: a broken --rules folder stops `extract` before anything is written (the kinds of bad
 * rules and their messages are tested in test/unit/rules.test.ts).
 */
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, root } from '../helpers.js';
import { seedProject, snapshot } from './support.js';

function brokenRules(dir: string): void {
  cpSync(join(root, 'rules'), join(dir, 'myrules'), { recursive: true });
  writeFileSync(join(dir, 'myrules/sections.yaml'), 'headings: 3\nkeywords: []\n');
}

describe('extract with a broken --rules folder: exit 2, nothing written', () => {
  test('a new --out folder is not created, nor its lock or temporary folder', () => {
    const dir = seedProject();
    brokenRules(dir);
    const run = cli(['extract', '--rules', 'myrules', '--out', 'dataset'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('Cannot read rules file `myrules/sections.yaml`: key `headings`: must be array\n');
    expect(Object.keys(snapshot(dir)).filter((f) => !f.startsWith('input/') && !f.startsWith('myrules/'))).toEqual([]);
    expect(existsSync(join(dir, 'dataset'))).toBe(false);
  });

  test('an existing --out folder stays byte-identical', () => {
    const dir = seedProject();
    expect(cli(['extract', '--quiet'], dir).code).toBe(0);
    const before = snapshot(join(dir, 'output'));
    writeFileSync(join(dir, 'input/000_726c9bee1be36c53.txt'), 'Coalitie in Hillegom, Zuid-Holland\n\nGewijzigd.\n');
    brokenRules(dir);
    expect(cli(['extract', '--rules', 'myrules', '--quiet'], dir).code).toBe(2);
    expect(snapshot(join(dir, 'output'))).toEqual(before);
  });
});
