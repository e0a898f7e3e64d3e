/** The document as it travels through the stages: a VFile with coalex's data attached. */
import { VFile } from 'vfile';
import type { CoalitionRecord } from './schema/record.js';
import type { Structure } from './stages/segment.js';

/** Format of an input, from its file extension. */
export type Format = 'text' | 'markdown' | 'html';
/** Encodings coalex decodes. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Why an input was rejected (a reason code in `rejected.jsonl`). */
export type RejectReason =
  | 'unreadable'
  | 'not-a-file'
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'undecodable'
  | 'duplicate-id'
  | 'invalid-record'
  | 'internal-error';

/** What the stages add to the VFile's `data`. */
export interface DocumentData {
  /** The path as shown in messages and records (`/` separators, relative when under the working folder). */
  shownPath: string;
  /** The path the file is read from. */
  readPath: string;
  bytes?: Uint8Array;
  sha256?: string;
  size?: number;
  encoding?: Encoding;
  format?: Format;
  /**
   * The text the extraction reads: the decoded file for plain text, the plain-text rendering
   * of a Markdown or HTML file otherwise (`offsets` maps each of its characters to the file).
   */
  text?: string;
  offsets?: number[];
  structure?: Structure;
  /** What the libraries answered for pieces of the text, asked ahead of extract (stage `look up`). */
  lookups?: Lookups;
  record?: CoalitionRecord;
  /** Set when a stage failed: later stages skip the document. */
  rejected?: { reason: RejectReason; message: string };
  /** Stack of an internal error, shown with --debug. */
  debug?: string;
}

/** A name match of compromise: its words, with their offsets in the text asked about. */
export type NameMatch = { text: string; start: number }[];
/** A phone number libphonenumber-js found: its offsets in the text asked about, and the number in E.164. */
export type PhoneMatch = { startsAt: number; endsAt: number; number: string };
/** A link linkify-it found, as plain data. */
export type LinkMatch = { schema: string; index: number; lastIndex: number; raw: string };

/**
 * Answers of compromise, libphonenumber-js and linkify-it, by the piece of text they were asked
 * about. The look-up stages ask them for a whole group of documents in a row, where their code
 * and tables stay in the processor's caches; extract reads the answers (and asks for what is missing).
 */
export interface Lookups {
  /** Range text → compromise's name matches in it; null: no first name in it (compromise is not asked). */
  names: Map<string, NameMatch[] | null>;
  /** Text between list separators → the phone numbers in it. */
  phones: Map<string, PhoneMatch[]>;
  /** Range text → the links in it. */
  links: Map<string, LinkMatch[]>;
}

/** The look-up answers of a document (empty at first). */
export function lookupsOf(file: Doc): Lookups {
  return (file.data.lookups ??= { names: new Map(), phones: new Map(), links: new Map() });
}

/** The answer kept for `key`, or else `ask(key)`, kept. */
export function answer<V>(memo: Map<string, V>, key: string, ask: (key: string) => V): V {
  if (memo.has(key)) return memo.get(key)!;
  const value = ask(key);
  memo.set(key, value);
  return value;
}

/** A document in the pipeline. */
export type Doc = VFile & { data: DocumentData };

/** Creates the document for one input path. */
export function createDocument(path: string, shownPath: string): Doc {
  return new VFile({ path: shownPath, data: { shownPath, readPath: path } }) as Doc;
}

/** Records a fatal problem: a message naming the place, and the reason for `rejected.jsonl`. */
export function reject(file: Doc, reason: RejectReason, message: string, place?: { line: number; column: number }): void {
  const msg = file.message(message, { place, ruleId: reason, source: 'coalex' });
  msg.fatal = true;
  file.data.rejected = { reason, message };
}
