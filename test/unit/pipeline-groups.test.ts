/**
 * Documents run in groups, stage by stage (`processDocuments`): every grouping must give each
 * document exactly what running it alone gives, rejections and messages included. The look-up
 * stages only ask ahead what extract would ask.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GROUP, processDocument, processDocuments, stages } from '../../src/pipeline.js';
import { loadRules } from '../../src/rules/load.js';
import { createDocument, type Doc } from '../../src/document.js';
import { root, run, tempDir } from '../helpers.js';

const rules = loadRules();
const options = { maxBytes: 20_000 };

function inputs(): { path: string; shown: string }[] {
  const dir = tempDir();
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'large.txt'), 'x'.repeat(20_001));
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 0, 255, 0]));
  const seeds = readdirSync(join(root, 'input')).map((name) => join(root, 'input', name));
  const corpus = ['004-huizen.md', '009-den-haag.html', '014-oss.md'].map((name) => join(root, 'test/corpus', name));
  const paths = [seeds[0]!, join(dir, 'missing.txt'), seeds[1]!, join(dir, 'empty.txt'), ...corpus, join(dir, 'large.txt'), seeds[2]!, join(dir, 'binary.txt'), ...seeds.slice(3)];
  return paths.map((path, i) => ({ path, shown: `${i}-${path.split('/').pop()}` }));
}

function summary(file: Doc): unknown {
  return {
    path: file.data.shownPath,
    record: file.data.rejected ? null : (file.data.record ?? null),
    rejected: file.data.rejected ?? null,
    messages: file.messages.map((m) => [m.reason, m.ruleId, m.place ?? null]),
  };
}

describe('processDocuments', () => {
  const saved = { ...GROUP };
  afterEach(() => Object.assign(GROUP, saved));

  test.each([
    ['one document a group', { documents: 1, bytes: 1 << 20 }],
    ['three documents a group', { documents: 3, bytes: 1 << 20 }],
    ['all in one group', { documents: 32, bytes: 1 << 20 }],
    ['groups closed by size', { documents: 32, bytes: 5_000 }],
  ])('%s: each document as alone', async (_name, group) => {
    const list = inputs();
    const alone: unknown[] = [];
    for (const input of list) alone.push(summary(await processDocument(input.path, input.shown, rules, options)));
    Object.assign(GROUP, group);
    const grouped: unknown[] = [];
    for await (const file of processDocuments(list, rules, options)) grouped.push(summary(file));
    expect(grouped).toEqual(alone);
    expect(grouped.map((s) => (s as { rejected: { reason: string } | null }).rejected?.reason ?? 'kept')).toEqual([
      'kept', 'unreadable', 'kept', 'empty', 'kept', 'kept', 'kept', 'too-large', 'kept', 'binary', 'kept', 'kept',
    ]);
  });
});

describe('the look-up stages', () => {
  const page = 'Coalitie in Lisse, Zuid-Holland\n\nContact\n\nAnna de Vries, coördinator, via 06-12345678 of anna@lisse.nl\n';
  const line = 'Anna de Vries, coördinator, via 06-12345678 of anna@lisse.nl';

  test('keep what compromise, libphonenumber-js and linkify-it answered, per piece of text', async () => {
    const file = await run(page, 'lisse.txt');
    const lookups = file.data.lookups!;
    expect(lookups.names.get(line)).toEqual([[{ text: 'Anna', start: 0 }, { text: 'de', start: 5 }, { text: 'Vries', start: 8 }]]);
    expect(lookups.names.get('Contact')).toBeNull();
    expect(lookups.phones.get('via 06-12345678')).toEqual([{ startsAt: 4, endsAt: 15, number: '+31612345678' }]);
    expect([...lookups.phones.keys()]).toEqual(['Anna de Vries', 'coördinator', 'via 06-12345678', 'anna@lisse.nl']);
    expect(lookups.links.get(line)).toEqual([{ schema: 'mailto:', index: 47, lastIndex: 60, raw: 'anna@lisse.nl' }]);
  });

  test('change nothing in the record: extract asks for what is missing itself', async () => {
    const list = inputs().filter((input) => !/missing|large|binary|empty/u.test(input.shown));
    for (const input of list) {
      const file = createDocument(input.path, input.shown);
      for (const [name, stage] of stages) {
        if (name.startsWith('look up')) continue;
        await stage(file, rules, options);
        if (file.data.rejected) break;
      }
      expect([input.shown, summary(file)]).toEqual([input.shown, summary(await processDocument(input.path, input.shown, rules, options))]);
    }
  });
});
