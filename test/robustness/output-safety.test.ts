/**
 * Issue 5: the output folder is never partial. A run killed at any moment leaves `out/` exactly as
 * it was or exactly the new dataset; two runs on one `--out` take turns (the lock); an output that
 * cannot be written is exit 2 with `Cannot write output folder …`.
 * `REPEAT=20` runs the kill and concurrency tests 20 times (default: once).
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, root, tempDir } from '../helpers.js';
import { largeBatch, seedProject, snapshot } from './support.js';
import { OutputError } from '../../src/output/atomic.js';
import { withLock } from '../../src/output/lock.js';

const REPEAT = Math.max(1, Number(process.env.REPEAT ?? 1));
const DOCUMENTS = 400;

/** Starts `node bin/coalex.js args…` in `cwd` (its temporary files, e.g. the record spool, under `cwd/tmp`); resolves when it ends. */
function start(args: string[], cwd: string) {
  mkdirSync(join(cwd, 'tmp'), { recursive: true });
  const env = { ...process.env, NODE_OPTIONS: '', CI: '', TMPDIR: join(cwd, 'tmp') };
  const child = spawn(process.execPath, [join(root, 'bin/coalex.js'), ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], env });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return { child, done };
}

/** A project with two versions of a 400-document batch, the dataset of the first in `out/`, and both datasets as references. */
function project(): { dir: string; before: Record<string, string>; after: Record<string, string> } {
  const dir = tempDir('coalex-kill-');
  largeBatch(join(dir, 'v1'), DOCUMENTS);
  largeBatch(join(dir, 'v2'), DOCUMENTS, '\nTelefoon: 070 123 4567\n');
  expect(cli(['extract', 'v2', '--quiet', '--out', 'reference-v2'], dir).code).toBe(0);
  expect(cli(['extract', 'v1', '--quiet', '--out', 'reference-v1'], dir).code).toBe(0);
  cpSync(join(dir, 'reference-v1'), join(dir, 'out'), { recursive: true });
  const before = snapshot(join(dir, 'reference-v1'));
  const after = snapshot(join(dir, 'reference-v2'));
  const records = (name: string) => (JSON.parse(readFileSync(join(dir, name, 'coalitions.json'), 'utf8')) as unknown[]).length;
  expect([records('reference-v1'), records('reference-v2')]).toEqual([DOCUMENTS, DOCUMENTS]);
  expect(after).not.toEqual(before);
  return { dir, before, after };
}

const same = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What `out/` holds now: `old`, `new`, `set aside` (killed between the two renames of the swap:
 * no `out/`, the old dataset whole under `.out.coalex-old-<pid>`, which the next run puts back),
 * or anything else (a failure).
 */
function state(dir: string, before: Record<string, string>, after: Record<string, string>): string {
  if (!existsSync(join(dir, 'out'))) {
    const aside = readdirSync(dir).filter((f) => f.startsWith('.out.coalex-old-'));
    return aside.length === 1 && same(snapshot(join(dir, aside[0]!)), before) ? 'set aside' : `missing (set aside: ${aside.join(', ')})`;
  }
  const now = snapshot(join(dir, 'out'));
  if (same(now, before)) return 'old';
  if (same(now, after)) return 'new';
  return `partial: ${Object.keys(now).length} files`;
}

/** When to kill: `delay` ms after the start, after the temporary folder appears, or after out/ is set aside (the swap). */
type Moment = { after: 'start' | 'temporary folder' | 'set aside'; delay: number };

/** Runs extract v2 → out, killed (SIGKILL) at `moment` (never, when null); times of the temporary folder and the swap, from the start. */
async function killedRun(dir: string, moment: Moment | null): Promise<{ ended: string; temporary: number; swap: number; exit: number }> {
  const started = performance.now();
  const times = { temporary: NaN, swap: NaN };
  const run = start(['extract', 'v2', '--out', 'out', '--quiet'], dir);
  let fired = false;
  const kill = (delay: number): void => {
    if (fired) return;
    fired = true;
    if (delay === 0) run.child.kill('SIGKILL');
    else setTimeout(() => run.child.kill('SIGKILL'), delay);
  };
  // The first event of each name: the temporary folder created, then out/ renamed aside (the swap).
  const watcher = watch(dir, (_event, name) => {
    const now = performance.now() - started;
    if (name?.startsWith('.out.coalex-new-') && Number.isNaN(times.temporary)) {
      times.temporary = now;
      if (moment?.after === 'temporary folder') kill(moment.delay);
    } else if (name?.startsWith('.out.coalex-old-') && Number.isNaN(times.swap)) {
      times.swap = now;
      if (moment?.after === 'set aside') kill(moment.delay);
    }
  });
  if (moment?.after === 'start') kill(moment.delay);
  const { signal, code } = await run.done;
  watcher.close();
  return { ended: signal ?? `exit ${code}`, ...times, exit: performance.now() - started };
}

/** Puts the old dataset back in out/ and removes what killed runs left beside it. */
function reset(dir: string): void {
  rmSync(join(dir, 'out'), { recursive: true, force: true });
  for (const f of readdirSync(dir)) if (f.startsWith('.out.coalex')) rmSync(join(dir, f), { recursive: true, force: true });
  rmSync(join(dir, 'tmp'), { recursive: true, force: true });
  cpSync(join(dir, 'reference-v1'), join(dir, 'out'), { recursive: true });
}

describe('output safety', () => {
  let fixture: ReturnType<typeof project>;
  beforeAll(() => {
    fixture = project();
  }, 180_000);
  afterAll(() => rmSync(fixture.dir, { recursive: true, force: true }));

  test(
    `a run killed (SIGKILL) during extraction, while writing and at the swap leaves out/ old or new, never partial (${REPEAT}×)`,
    async () => {
      const { dir, before, after } = fixture;
      const seen: string[] = [];
      for (let round = 0; round < REPEAT; round++) {
        // A run that is not killed times the phases on this machine, so the kills land where they should.
        const whole = await killedRun(dir, null);
        expect([whole.ended, state(dir, before, after), whole.temporary < whole.swap]).toEqual(['exit 0', 'new', true]);
        reset(dir);
        const writing = whole.swap - whole.temporary;
        const moments: Moment[] = [
          { after: 'start', delay: Math.round(whole.temporary * 0.1) },
          { after: 'start', delay: Math.round(whole.temporary * 0.6) },
          ...[0, 0.2, 0.5, 0.8, 0.95, 1.1].map((f): Moment => ({ after: 'temporary folder', delay: Math.round(writing * f) })),
          { after: 'set aside', delay: 0 },
          { after: 'set aside', delay: 2 },
        ];
        seen.push(`round ${round + 1}: temporary folder at ${whole.temporary.toFixed(0)} ms, swap at ${whole.swap.toFixed(0)} ms, exit at ${whole.exit.toFixed(0)} ms`);
        for (const moment of moments) {
          const { ended } = await killedRun(dir, moment);
          const now = state(dir, before, after);
          seen.push(`  ${moment.after} + ${moment.delay} ms: ${ended} → ${now}`);
          expect([moment, now]).toEqual([moment, expect.stringMatching(/^(old|new|set aside)$/u)]);
          // What a killed run leaves is beside out/, never inside it (the snapshot compared every file in it).
          expect(readdirSync(dir).filter((f) => f.startsWith('.') && !/^\.out\.coalex(-new-\d+|-old-\d+|\.lock)$/u.test(f))).toEqual([]);
          if (now === 'set aside') {
            // The next run puts the set-aside folder back before it writes, and leaves nothing behind.
            expect(cli(['extract', 'v2', '--out', 'out', '--quiet'], dir)).toMatchObject({ code: 0, stderr: '' });
            expect(state(dir, before, after)).toBe('new');
            expect(readdirSync(dir).filter((f) => f.startsWith('.out.coalex-old-'))).toEqual([]);
          }
          reset(dir);
        }
      }
      if (process.env.COALEX_TIMES) process.stderr.write(`${seen.join('\n')}\n`);
      // The lock of a killed run does not block the next one: it is taken over, then removed.
      const last = cli(['extract', 'v2', '--out', 'out', '--quiet'], dir);
      expect([last.code, last.stderr]).toEqual([0, '']);
      expect(state(dir, before, after)).toBe('new');
      expect(existsSync(join(dir, '.out.coalex.lock'))).toBe(false);
      reset(dir);
    },
    300_000 * REPEAT,
  );

  test(
    `two runs on one --out at once (old and new inputs): both exit 0, out/ is one whole dataset, no lock left (${REPEAT}×)`,
    async () => {
      const { dir, before, after } = fixture;
      for (let round = 0; round < REPEAT; round++) {
        const [a, b] = await Promise.all([start(['extract', 'v1', '--out', 'out', '--quiet'], dir).done, start(['extract', 'v2', '--out', 'out', '--quiet'], dir).done]);
        expect([a.code, a.stderr, b.code, b.stderr]).toEqual([0, '', 0, '']);
        expect(state(dir, before, after)).toMatch(/^(old|new)$/u);
        expect(existsSync(join(dir, '.out.coalex.lock'))).toBe(false);
        expect(readdirSync(dir).filter((f) => f.startsWith('.out.coalex'))).toEqual(readdirSync(dir).filter((f) => /^\.out\.coalex-(new|old)-\d+$/u.test(f)));
      }
    },
    120_000 * REPEAT,
  );
});

describe('output folder details', () => {
  test('a run killed between its two renames (out/ set aside, not yet replaced) is repaired by the next run, kept files included', () => {
    const dir = seedProject();
    expect(cli(['extract', '--quiet'], dir).code).toBe(0);
    writeFileSync(join(dir, 'output/README.md'), 'Our dataset.\n');
    // The state a SIGKILL right after `rename(output, .output.coalex-old-<pid>)` leaves behind.
    cpSync(join(dir, 'output'), join(dir, '.output.coalex-old-999999'), { recursive: true });
    rmSync(join(dir, 'output'), { recursive: true });
    writeFileSync(join(dir, '.output.coalex.lock'), '999999');
    const run = cli(['extract', '--quiet'], dir);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(readFileSync(join(dir, 'output/README.md'), 'utf8')).toBe('Our dataset.\n');
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  test('files and folders of out/ that coalex does not write (README.md, images/) are kept', () => {
    const dir = seedProject();
    mkdirSync(join(dir, 'output/images/2024'), { recursive: true });
    writeFileSync(join(dir, 'output/images/2024/logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(dir, 'output/README.md'), 'Our dataset.\n');
    writeFileSync(join(dir, 'output/coalitions.json'), 'stale\n');
    const run = cli(['extract', '--quiet'], dir);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(readFileSync(join(dir, 'output/images/2024/logo.png'))).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(readFileSync(join(dir, 'output/README.md'), 'utf8')).toBe('Our dataset.\n');
    expect(readFileSync(join(dir, 'output/coalitions.json'), 'utf8')).not.toBe('stale\n');
  });

  test('a run that finds the lock held by a live process waits, then gives up with a clear message; a dead holder’s lock is taken over', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFileSync(join(dir, '.out.coalex.lock'), String(process.pid)); // this test process: alive
    const started = Date.now();
    await expect(withLock(out, () => 'written', 300)).rejects.toThrow(
      new OutputError(`Cannot write output folder \`${out}\`: another coalex run (pid ${process.pid}) is writing it; try again when it has finished`),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    const gone = spawnSync(process.execPath, ['-e', '']).pid!; // a process that has exited
    writeFileSync(join(dir, '.out.coalex.lock'), String(gone));
    await expect(withLock(out, () => 'written', 300)).resolves.toBe('written');
    expect(readdirSync(dir)).toEqual([]);
  });

  describe('an output that cannot be written: exit 2, `Cannot write output folder …`, nothing touched', () => {
    test('--out under a regular file (somefile.txt/out)', () => {
      const dir = seedProject();
      writeFileSync(join(dir, 'somefile.txt'), 'mine\n');
      expect(cli(['extract', '--quiet', '--out', 'somefile.txt/out'], dir)).toMatchObject({
        code: 2,
        stderr: 'Cannot write output folder `somefile.txt/out`: a file is in the way where a folder should be\n',
      });
      expect(readFileSync(join(dir, 'somefile.txt'), 'utf8')).toBe('mine\n');
    });

    test('--out naming a regular file: the file is left alone', () => {
      const dir = seedProject();
      writeFileSync(join(dir, 'somefile.txt'), 'mine\n');
      expect(cli(['extract', '--quiet', '--out', 'somefile.txt'], dir)).toMatchObject({
        code: 2,
        stderr: 'Cannot write output folder `somefile.txt`: a file is in the way where a folder should be\n',
      });
      expect(readFileSync(join(dir, 'somefile.txt'), 'utf8')).toBe('mine\n');
      expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
    });

    (process.platform === 'linux' ? test : test.skip)('--out /proc/coalex-test (Linux: nothing can be created in /proc)', () => {
      expect(cli(['extract', '--quiet', '--out', '/proc/coalex-test'], seedProject())).toMatchObject({
        code: 2,
        stderr: 'Cannot write output folder `/proc/coalex-test`: cannot create lock `/proc/.coalex-test.coalex.lock` (no such file or folder)\n',
      });
    });

    // A read-only parent folder stops every user but root, who may write anyway.
    const readOnly = tempDir();
    chmodSync(readOnly, 0o555);
    let rootMayWrite = true;
    try {
      accessSync(readOnly, constants.W_OK);
    } catch {
      rootMayWrite = false;
    }
    (rootMayWrite ? test.skip : test)(`--out in a read-only folder${rootMayWrite ? ' (skipped: the tests run as root, who may write there)' : ''}`, () => {
      const out = join(readOnly, 'out');
      expect(cli(['extract', '--quiet', '--out', out], seedProject())).toMatchObject({
        code: 2,
        stderr: `Cannot write output folder \`${out}\`: cannot create lock \`${join(readOnly, '.out.coalex.lock')}\` (permission denied)\n`,
      });
      expect(readdirSync(readOnly)).toEqual([]);
    });
  });
});
