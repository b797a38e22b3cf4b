// A sort whose first value most tracks share (every file of a generated library 1 s long, years
// unknown): its first rows are walked along the album artist index, not sorted whole in SQL,
// and are still exactly the first rows of the whole order.
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openReadOnly } from '../../../src/main/core/catalog/open.ts';
import { TrackOrderReads } from '../../../src/main/core/catalog/reads/track-orders.ts';
import { BASE_SORT, computeOrder, firstIds } from '../../../src/main/core/views/track-order.ts';
import type { TrackSort } from '../../../src/shared/views.ts';
import { writeCatalog, type TrackInput } from '../../support/catalog-file.ts';
import { tempDir } from '../../support/temp.ts';

// 30 tracks on 6 albums by 3 album artists, written out of album artist order; 24 last 1 s and
// have no year, the others spread.
const TRACKS: TrackInput[] = Array.from({ length: 30 }, (_, i) => {
  const album = (i * 7) % 6;
  const long = i % 5 === 0;
  return {
    path: `/music/a${album}/${String(i).padStart(2, '0')}.mp3`,
    title: `Song ${(i * 11) % 30}`,
    artist: `Artist ${album % 3}`,
    albumArtist: `Artist ${2 - (album % 3)}`,
    album: `Album ${album}`,
    trackNo: (i % 5) + 1,
    durationS: long ? 100 + i : 1,
    year: long ? 1990 + i : null,
  };
});

describe('the first rows of a sort whose first value is a long run', () => {
  const dir = tempDir();
  const { dbPath, catalog } = writeCatalog(dir.path, TRACKS);
  const db: Database.Database = openReadOnly(dbPath);
  const reads = new TrackOrderReads(db);
  const base = computeOrder(reads, BASE_SORT, () => {
    throw new Error('the base order breaks no ties');
  });
  afterAll(() => {
    db.close();
    catalog.close();
    dir.cleanup();
  });

  it('finds the first value when enough tracks share it, counting no further', () => {
    expect(reads.longFirstRun({ field: 'duration', desc: false }, 24)).toEqual({ value: 1 });
    expect(reads.longFirstRun({ field: 'duration', desc: false }, 25)).toBeNull();
    // Descending, the first value is the longest track's alone.
    expect(reads.longFirstRun({ field: 'duration', desc: true }, 2)).toBeNull();
    expect(reads.longFirstRun({ field: 'year', desc: false }, 24)).toEqual({ value: null });
    // Not a sort by a value.
    expect(reads.longFirstRun({ field: 'title', desc: false }, 1)).toBeNull();
  });

  it('gives the same first rows as the whole order, for every limit and both ways', () => {
    for (const field of ['duration', 'year', 'added'] as const)
      for (const desc of [false, true])
        for (const limit of [1, 5, 12, 24, 30]) {
          const sort: TrackSort = { field, desc };
          const whole = computeOrder(reads, sort, () => base);
          expect(Array.from(firstIds(reads, sort, limit)!), `${field} ${desc} ${limit}`).toEqual(
            Array.from(whole.ids.subarray(0, limit)),
          );
        }
  });
});
