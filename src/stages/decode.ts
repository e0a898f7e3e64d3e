/** Stage 2, decode: bytes → text, recording the encoding; rejects empty and binary files. */
import iconv from 'iconv-lite';
import { reject, type Doc, type Encoding } from '../document.js';
import { isBlank } from '../util/text.js';

/** Magic numbers of binary formats that are sometimes renamed to `.txt`. */
const magic: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['ZIP (or Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['gzip', [0x1f, 0x8b]],
];

/** Decodes `data.bytes` into `file.value`. */
export function decode(file: Doc): void {
  const bytes = file.data.bytes!;
  const shown = `\`${file.data.shownPath}\``;
  if (bytes.length === 0) return reject(file, 'empty', `Cannot extract ${shown}: the file is empty`);
  for (const [name, signature] of magic) {
    if (signature.every((byte, index) => bytes[index] === byte)) {
      return reject(file, 'binary', `Cannot extract ${shown}: it is a ${name} file, not text`);
    }
  }
  const { text, encoding } = toText(bytes);
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be' && text.includes('\u0000')) {
    return reject(file, 'binary', `Cannot extract ${shown}: it contains NUL bytes (binary data), not text`);
  }
  if (isBlank(text)) return reject(file, 'empty', `Cannot extract ${shown}: the file holds only whitespace`);
  file.value = text;
  file.data.encoding = encoding;
  delete file.data.bytes;
}

/** Decodes with the BOM's encoding, else UTF-8 when the bytes are valid UTF-8, else Windows-1252. */
export function toText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: buffer.toString('utf8', 3), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buffer, 'win1252'), encoding: 'windows-1252' };
  }
}
