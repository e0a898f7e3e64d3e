/**
 * Issue 5: the message of every kind of bad input not already asserted in mixed-batch.test.ts or
 * test/unit/decode.test.ts: each binary signature, an internal error, and the usage errors of extract.
 */
import { accessSync, chmodSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { processDocument } from '../../src/pipeline.js';
import type { Rules } from '../../src/rules/compile.js';
import { cli, run, tempDir } from '../helpers.js';
import { seedProject } from './support.js';

describe('binary files renamed to .txt: rejected as binary, naming the format', () => {
  test.each([
    ['GIF', [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], 'it is a GIF file, not text'],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'it is a JPEG file, not text'],
    ['gzip', [0x1f, 0x8b, 0x08, 0x00], 'it is a gzip file, not text'],
    ['ZIP (a .docx)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], 'it is a ZIP (or Office document) file, not text'],
    ['PDF', [...Buffer.from('%PDF-1.7\n')], 'it is a PDF file, not text'],
  ])('%s', async (_name, bytes, why) => {
    const file = await run(Buffer.concat([Buffer.from(bytes), Buffer.from('Coalitie in Lisse, Zuid-Holland\n')]));
    expect(file.data.rejected).toEqual({ reason: 'binary', message: `Cannot extract \`input.txt\`: ${why}` });
  });

  test('`%PDF` without the dash, and text that merely starts with `PK`, are text', async () => {
    expect((await run('%PDF is een afkorting\n')).data.rejected).toBeUndefined();
    expect((await run('PK Lisse organiseert koffieochtenden\n')).data.rejected).toBeUndefined();
  });
});

describe('a stage that throws (a bug) rejects only that document', () => {
  test('internal-error, naming the stage and the error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.txt'), 'Coalitie in Lisse, Zuid-Holland\n');
    const file = await processDocument(join(dir, 'x.txt'), 'x.txt', {} as Rules, { maxBytes: 1000 });
    expect(file.data.rejected?.reason).toBe('internal-error');
    expect(file.data.rejected?.message).toMatch(/^Cannot extract `x\.txt`: the segment stage failed \(.+\)$/u);
    expect(file.data.debug).toMatch(/^TypeError: /u);
  });
});

describe('usage errors of extract: exit 2, nothing written', () => {
  test('a path that does not exist', () => {
    expect(cli(['extract', 'nowhere'], seedProject())).toMatchObject({ code: 2, stderr: 'Cannot find input `nowhere`\n' });
  });

  test.each(['0', '-5', 'lots'])('--max-bytes %s', (value) => {
    expect(cli(['extract', '--max-bytes', value], seedProject())).toMatchObject({
      code: 2,
      stderr: `coalex: Option --max-bytes expects a whole number of at least 1, got \`${value}\`\n`,
    });
  });

  // chmod 000 on a folder stops every user but root, who may list it anyway.
  const probe = tempDir();
  chmodSync(probe, 0o000);
  let rootMayRead = true;
  try {
    accessSync(probe, constants.R_OK);
  } catch {
    rootMayRead = false;
  }
  (rootMayRead ? test.skip : test)(`a folder inside the inputs that cannot be listed${rootMayRead ? ' (skipped: the tests run as root, who may list it)' : ''}`, () => {
    const dir = seedProject();
    mkdirSync(join(dir, 'input/private'));
    chmodSync(join(dir, 'input/private'), 0o000);
    expect(cli(['extract', '--quiet'], dir)).toMatchObject({ code: 2, stderr: 'Cannot read folder `input/private`\n' });
  });
});
