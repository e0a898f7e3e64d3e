/** How commands talk to the user; the CLI module connects it to the process. */
import type { Finding } from '../batch.js';

/** Streams and flags a command may use. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress bar, colour). */
  tty: boolean;
  quiet: boolean;
  json: boolean;
  debug: boolean;
  cwd: string;
}

/** Exit codes (SPEC §1): one table, used by every command. */
export const EXIT = {
  /** Success; for diff and check: no differences. */
  ok: 0,
  /** Differences found, an input rejected, or a record invalid (with --strict, warnings too). */
  failed: 1,
  /** Usage error, unreadable or invalid rules, or an output that cannot be written. */
  usage: 2,
} as const;

/** `input/x.txt:12:3: warning: no contact section [no-contact]`. */
export function formatFinding(f: Finding): string {
  const place = f.line === null ? '' : `:${f.line}:${f.column ?? 1}`;
  return `${f.path}${place}: ${f.severity}: ${f.reason} [${f.ruleId}]`;
}

/** A progress bar on stderr: only on a terminal, for batches larger than a handful of files, never with --quiet or in CI. */
export function progress(io: Io, total: number, ci: boolean): ((done: number) => void) | undefined {
  if (!io.tty || io.quiet || ci || total <= 20) return undefined;
  return (done) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    io.err(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}
