/**
 * Records of a batch, kept on disk as they are finished (one JSON line each) instead of in
 * memory, so that a batch of 50,000 documents holds one record at a time.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoalitionRecord } from '../schema/record.js';

/** Pending records are written once they reach this size. */
const FLUSH_BYTES = 1 << 20;

/** Where each spooled record lies in the spool file. */
interface Slot {
  position: number;
  length: number;
}

/** A spool of records keyed by input path. */
export class RecordSpool {
  private readonly dir = mkdtempSync(join(tmpdir(), 'coalex-spool-'));
  private readonly fd = openSync(join(this.dir, 'records.jsonl'), 'w+');
  private readonly slots = new Map<string, Slot>();
  private size = 0;
  /** Records not yet written: one write per ~1 MB instead of one per record. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  /** Stores the record of input `path`. */
  add(path: string, record: CoalitionRecord): void {
    this.addJson(path, JSON.stringify(record));
  }

  /** Stores the record of input `path`, given as its JSON. */
  addJson(path: string, json: string): void {
    const bytes = Buffer.from(json, 'utf8');
    this.slots.set(path, { position: this.size, length: bytes.length });
    this.size += bytes.length;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  /** Writes the pending records at the end of the file. */
  private flush(): void {
    if (this.pendingBytes === 0) return;
    const bytes = Buffer.concat(this.pending, this.pendingBytes);
    const at = this.size - bytes.length;
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, at + done);
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** The record of input `path`. */
  get(path: string): CoalitionRecord {
    const slot = this.slots.get(path);
    if (!slot) throw new Error(`no spooled record for ${path}`);
    this.flush();
    const bytes = Buffer.alloc(slot.length);
    readSync(this.fd, bytes, 0, slot.length, slot.position);
    return JSON.parse(bytes.toString('utf8')) as CoalitionRecord;
  }

  /** Removes the spool file. */
  close(): void {
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
