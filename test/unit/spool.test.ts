/** The record spool (issue 6): records wait in memory up to ~1 MB, then go to disk in one write. */
import { RecordSpool } from '../../src/output/spool.js';
import type { CoalitionRecord } from '../../src/schema/record.js';

const record = (i: number) => ({ id: `r${i}`, summary: 'x'.repeat(i % 7 === 0 ? 300000 : 1000) }) as unknown as CoalitionRecord;

describe('RecordSpool', () => {
  test('gives back every record, whether it was written already or still pending, in any order', () => {
    const spool = new RecordSpool();
    try {
      // A record read before any write (pending only).
      spool.add('a.txt', record(1));
      expect(spool.get('a.txt')).toEqual(record(1));
      // Enough records for several writes of ~1 MB, with one added after each read.
      for (let i = 2; i <= 60; i++) {
        spool.add(`${i}.txt`, record(i));
        if (i % 10 === 0) expect(spool.get(`${i - 5}.txt`)).toEqual(record(i - 5));
      }
      spool.addJson('last.txt', JSON.stringify({ id: 'é€😀' }));
      for (let i = 60; i >= 2; i--) expect(spool.get(`${i}.txt`)).toEqual(record(i));
      expect(spool.get('a.txt')).toEqual(record(1));
      expect(spool.get('last.txt')).toEqual({ id: 'é€😀' });
      expect(() => spool.get('missing.txt')).toThrow('no spooled record for missing.txt');
    } finally {
      spool.close();
    }
  });
});
