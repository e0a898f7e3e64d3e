/** Files written piece by piece (buffered), and files compared piece by piece. */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Sinks } from './dataset.js';

/** Sinks that write files into `dir`, buffered in 1 MiB chunks; `close()` flushes them and lists the files. */
export function fileSinks(dir: string): { open: Sinks; close(): string[] } {
  const files: { name: string; fd: number; buffer: string[]; size: number }[] = [];
  const flush = (file: (typeof files)[number]) => {
    if (file.buffer.length > 0) writeSync(file.fd, file.buffer.join(''));
    file.buffer = [];
    file.size = 0;
  };
  return {
    open(name) {
      const file = { name, fd: openSync(join(dir, name), 'w'), buffer: [] as string[], size: 0 };
      files.push(file);
      return {
        write(text) {
          file.buffer.push(text);
          file.size += text.length;
          if (file.size > 1 << 20) flush(file);
        },
      };
    },
    close() {
      for (const file of files) {
        flush(file);
        closeSync(file.fd);
      }
      return files.map((f) => f.name).sort();
    },
  };
}

/** Whether two files hold the same bytes (false when either cannot be read), reading 1 MiB at a time. */
export function sameFile(a: string, b: string): boolean {
  let fa: number | undefined;
  let fb: number | undefined;
  try {
    fa = openSync(a, 'r');
    fb = openSync(b, 'r');
    const ba = Buffer.alloc(1 << 20);
    const bb = Buffer.alloc(1 << 20);
    for (;;) {
      const na = readSync(fa, ba, 0, ba.length, null);
      const nb = readSync(fb, bb, 0, bb.length, null);
      if (na !== nb || ba.compare(bb, 0, nb, 0, na) !== 0) return false;
      if (na === 0) return true;
    }
  } catch {
    return false;
  } finally {
    if (fa !== undefined) closeSync(fa);
    if (fb !== undefined) closeSync(fb);
  }
}
