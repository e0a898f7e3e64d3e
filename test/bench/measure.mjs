/**
 * Runs one command and measures it: wall time (from spawn to exit), CPU time and peak RSS.
 * With GNU time (`/usr/bin/time -v`) the numbers come from the kernel for the whole process
 * tree; without it, node scripts run inside rss-wrapper.mjs, which reports the process'
 * own `resourceUsage()` at exit (worker threads share the process, so they are included).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const wrapper = fileURLToPath(new URL('./rss-wrapper.mjs', import.meta.url));

/** `gnu-time` when /usr/bin/time -v works here, else `wrapper`. */
export const rssSource = (() => {
  if (!existsSync(GNU_TIME)) return 'wrapper';
  const probe = spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /Maximum resident set size/u.test(probe.stderr) ? 'gnu-time' : 'wrapper';
})();

/**
 * Runs `node <script> ...args` (or, with `{ raw: true }`, `script ...args` as a program) in
 * `cwd`; stdout and stderr go to files. Returns `{ wall, cpu, rssMB, code, stdout, stderr }`
 * with times in seconds; `stdout`/`stderr` are the texts (stderr capped at 64 kB).
 */
export function measure(script, args, { cwd, raw = false, nodeArgs = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'coalex-measure-'));
  const files = { out: join(dir, 'stdout'), err: join(dir, 'stderr'), time: join(dir, 'time'), usage: join(dir, 'usage') };
  let command;
  let commandArgs;
  if (rssSource === 'gnu-time') {
    command = GNU_TIME;
    commandArgs = ['-v', '-o', files.time, ...(raw ? [script] : [process.execPath, ...nodeArgs, script]), ...args];
  } else if (raw) {
    command = script;
    commandArgs = args;
  } else {
    command = process.execPath;
    commandArgs = [...nodeArgs, wrapper, files.usage, script, ...args];
  }
  const out = openSync(files.out, 'w');
  const err = openSync(files.err, 'w');
  const started = process.hrtime.bigint();
  const child = spawnSync(command, commandArgs, { cwd, stdio: ['ignore', out, err] });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  closeSync(out);
  closeSync(err);
  if (child.error) throw child.error;
  const result = { wall, cpu: null, rssMB: null, code: child.status, stdout: readFileSync(files.out, 'utf8'), stderr: '' };
  const stderr = readFileSync(files.err);
  result.stderrLines = stderr.toString('utf8').split('\n').filter(Boolean).length;
  result.stderr = stderr.subarray(0, 65536).toString('utf8');
  if (rssSource === 'gnu-time') {
    const report = readFileSync(files.time, 'utf8');
    const number = (label) => Number(new RegExp(`${label}[^:]*:\\s*([\\d.]+)`, 'u').exec(report)?.[1]);
    result.cpu = number('User time') + number('System time');
    result.rssMB = number('Maximum resident set size') / 1024;
  } else if (existsSync(files.usage)) {
    const usage = JSON.parse(readFileSync(files.usage, 'utf8'));
    result.cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    result.rssMB = usage.maxRSS / 1024;
  }
  rmSync(dir, { recursive: true, force: true });
  return result;
}

/** The median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
