/** Stage 1, read: loads the bytes of an input and fingerprints them. */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { reject, type Doc, type Format } from '../document.js';

/** Extensions coalex reads, and the format each stands for. */
export const formats: Record<string, Format> = { '.txt': 'text', '.md': 'markdown', '.html': 'html', '.htm': 'html' };

/** Options of the read stage. */
export interface ReadOptions {
  /** Inputs larger than this are rejected without being read. */
  maxBytes: number;
}

/** Reads the file's bytes into `data.bytes`, with its size and sha256. */
export function read(file: Doc, options: ReadOptions): void {
  const path = file.data.readPath;
  file.data.format = formats[extname(path).toLowerCase()] ?? 'text';
  // One open, then the checks on the open file: a path stat first would cost a third call per file.
  // O_NONBLOCK: opening a named pipe must not wait for a writer (it is rejected as not a file).
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return reject(file, 'unreadable', `Cannot read \`${file.data.shownPath}\`: ${systemReason(error)}`);
  }
  let bytes: Buffer;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return reject(file, 'not-a-file', `Cannot read \`${file.data.shownPath}\`: it is not a regular file`);
    if (stat.size > options.maxBytes) {
      return reject(file, 'too-large', `Cannot read \`${file.data.shownPath}\`: ${stat.size} bytes is more than the limit of ${options.maxBytes} (--max-bytes)`);
    }
    bytes = readFileSync(fd);
  } catch (error) {
    return reject(file, 'unreadable', `Cannot read \`${file.data.shownPath}\`: ${systemReason(error)}`);
  } finally {
    closeSync(fd);
  }
  file.data.bytes = bytes;
  file.data.size = bytes.length;
  file.data.sha256 = createHash('sha256').update(bytes).digest('hex');
}

function systemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many symbolic links (a loop)';
  if (code === 'EISDIR') return 'it is a folder';
  return code ?? 'unknown error';
}
