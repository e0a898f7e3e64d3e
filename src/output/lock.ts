/** A lock beside the output folder, so that two runs on one `--out` never interleave their writes. */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { because, OutputError } from './atomic.js';

/** How long a second run waits for the first before it gives up. */
export const LOCK_WAIT_MS = 60_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `work` holding `.<out>.coalex.lock`; waits while another live run holds it, takes over
 * a lock whose process is gone (a killed run), and gives up after `waitMs` with a clear message.
 */
export async function withLock<T>(out: string, work: () => T | Promise<T>, waitMs = LOCK_WAIT_MS): Promise<T> {
  const lock = join(dirname(out), `.${basename(out)}.coalex.lock`);
  const deadline = Date.now() + waitMs;
  try {
    mkdirSync(dirname(out), { recursive: true });
  } catch (error) {
    throw new OutputError(`Cannot write output folder \`${out}\`: ${because(error)}`);
  }
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new OutputError(`Cannot write output folder \`${out}\`: cannot create lock \`${lock}\` (${because(error)})`);
      let holder = NaN;
      try {
        holder = Number(readFileSync(lock, 'utf8'));
      } catch {
        // removed in between: try again
      }
      if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new OutputError(`Cannot write output folder \`${out}\`: another coalex run (pid ${holder}) is writing it; try again when it has finished`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
  }
}
