/**
 * Splits the bytes of a dataset side into records sorted by id; every record needs a unique string `id`.
 * A file as coalex writes it (`JSON.stringify(records, null, 2)` with `id` first, or JSON Lines) is split
 * without parsing, its ids read from the start of each record: records equal byte for byte on both sides
 * are then never parsed, which keeps a diff of two 10,000-record datasets (over 100 MB each) under two
 * seconds (test/bench/diff-bench.mjs; most of it is reading the files). Any other array layout (compact,
 * CRLF, other key order) is parsed whole.
 */
import { DatasetError } from './errors.js';
import type { DatasetBytes } from './read.js';
import type { DataRecord, Entry } from './types.js';

/**
 * Between two records of `JSON.stringify(records, null, 2)`: raw newlines cannot occur inside JSON strings,
 * and only a record's own keys stand 4 spaces deep. (Ending in the first key's quote makes the search fast.)
 */
const SEPARATOR = Buffer.from('\n  },\n  {\n    "');
/**
 * The separator is searched for by its core `},\n  {\n` and then checked whole: Buffer#indexOf with the
 * whole separator (which starts and ends with runs of spaces found on every line) took 10–25 times longer
 * on a 116 MB dataset (124–298 ms against 11–12 ms).
 */
const SEPARATOR_CORE = Buffer.from('},\n  {\n');
const START = Buffer.from('[\n  {\n    "');
const END = /\n {2}\}\n\]\n?$/u;
const ID = /^\s*\{?\s*"id"\s*:\s*("(?:[^"\\\n]|\\.)*")/u;

/** The entries of `data` (a JSON array, or JSON Lines), sorted by id. */
export function parseDataset(spec: string, data: DatasetBytes): Entry[] {
  let chunks: Chunk[];
  if (data.jsonl) chunks = lines(data.bytes, data.file);
  else {
    // A chunk not starting with its id means the split did not fall between records: parse the whole file.
    const split = arrayChunks(data.bytes, data.file);
    chunks = split !== null && split.every((chunk) => chunk.id !== null) ? split : parseArray(spec, data);
  }
  const seen = new Map<string, string>();
  const entries = chunks.map((chunk): Entry => {
    const id = chunk.id ?? recordOf(spec, chunk).id;
    const first = seen.get(id);
    if (first !== undefined) throw new DatasetError(spec, `${chunk.place}: id \`${id}\` appears twice (first at ${first})`);
    seen.set(id, chunk.place);
    return { id, raw: chunk.raw, record: () => recordOf(spec, chunk) };
  });
  return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A record's text (or value, when the file was parsed as a whole) and where it stands, for messages. */
interface Chunk {
  raw: Buffer | null;
  /** The id read from the start of `raw` without parsing, when it stands there. */
  id: string | null;
  /** Wraps `raw` into a JSON object text (array chunks lack their outer braces). */
  wrap: boolean;
  place: string;
  record?: unknown;
}

/** The record of a chunk, parsed once; a DatasetError naming its place when it is not a record with a string id. */
function recordOf(spec: string, chunk: Chunk): DataRecord {
  if (chunk.record === undefined) {
    const text = chunk.raw!.toString('utf8');
    try {
      chunk.record = JSON.parse(chunk.wrap ? `{${text}}` : text);
    } catch {
      throw new DatasetError(spec, `${chunk.place}: invalid JSON`);
    }
  }
  const value = chunk.record as { id?: unknown } | null;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof value.id !== 'string') {
    throw new DatasetError(spec, `${chunk.place}: expected a record with a string \`id\``);
  }
  return value as DataRecord;
}

/** The id at the start of a record's text (coalex writes it first), or null. */
function idOf(raw: Buffer): string | null {
  const match = ID.exec(raw.toString('utf8', 0, 512));
  return match ? (JSON.parse(match[1]!) as string) : null;
}

/** The records of a `JSON.stringify(records, null, 2)` array, or null when the bytes have another layout. */
function arrayChunks(bytes: Buffer, file: string): Chunk[] | null {
  if (!bytes.subarray(0, START.length).equals(START) || !END.test(bytes.toString('utf8', Math.max(0, bytes.length - 8)))) return null;
  const end = bytes.lastIndexOf('\n  }\n]');
  const chunks: Chunk[] = [];
  // Each chunk runs from the quote of its first key to the end of its last value.
  let from = START.length - 1;
  while (from <= end) {
    let next = bytes.indexOf(SEPARATOR_CORE, from + 3);
    while (next !== -1 && !bytes.subarray(next - 3, next - 3 + SEPARATOR.length).equals(SEPARATOR)) next = bytes.indexOf(SEPARATOR_CORE, next + 1);
    if (next !== -1) next -= 3;
    const to = next === -1 || next > end ? end : next;
    const raw = bytes.subarray(from, to);
    chunks.push({ raw, id: idOf(raw), wrap: true, place: `${file} record ${chunks.length + 1}` });
    from = to + SEPARATOR.length - 1;
  }
  return chunks;
}

/** The non-blank lines of JSON Lines, each a record; a trailing CR is dropped. */
function lines(bytes: Buffer, file: string): Chunk[] {
  const chunks: Chunk[] = [];
  let from = 0;
  for (let line = 1; from < bytes.length; line++) {
    const next = bytes.indexOf(0x0a, from);
    const to = next === -1 ? bytes.length : next;
    const raw = bytes.subarray(from, to > from && bytes[to - 1] === 0x0d ? to - 1 : to);
    if (raw.some((byte) => byte !== 0x20 && byte !== 0x09)) chunks.push({ raw, id: idOf(raw), wrap: false, place: `${file}:${line}` });
    from = to + 1;
  }
  return chunks;
}

/** The records of any JSON array, parsed at once. */
function parseArray(spec: string, data: DatasetBytes): Chunk[] {
  const text = data.bytes.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(spec, `${data.file}${lineOf(text, error as Error)}: invalid JSON`);
  }
  if (!Array.isArray(value)) throw new DatasetError(spec, `${data.file}: expected an array of records`);
  return value.map((record: unknown, index) => ({ raw: null, id: null, wrap: false, place: `${data.file} record ${index + 1}`, record }));
}

/** `:<line>` of a JSON.parse error, from the `position N` in its message, when it gives one. */
function lineOf(text: string, error: Error): string {
  const position = /position (\d+)/u.exec(error.message);
  if (!position) return '';
  return `:${text.slice(0, Number(position[1])).split('\n').length}`;
}
