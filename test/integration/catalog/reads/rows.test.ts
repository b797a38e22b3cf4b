// The rows of a window and of an album page, read from a real catalog file.
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openReadOnly } from '../../../../src/main/core/catalog/open.ts';
import { RowReads } from '../../../../src/main/core/catalog/reads/rows.ts';
import { FIVE_TRACKS, writeCatalog } from '../../../support/catalog-file.ts';
import { tempDir } from '../../../support/temp.ts';

describe('RowReads', () => {
  const dir = tempDir();
  const { dbPath, catalog } = writeCatalog(dir.path, FIVE_TRACKS);
  const db: Database.Database = openReadOnly(dbPath);
  const reads = new RowReads(db);
  afterAll(() => {
    db.close();
    catalog.close();
    dir.cleanup();
  });

  it('reads the rows in the order asked, leaving out ids that are gone', () => {
    const rows = reads.tracks(Int32Array.from([4, 99, 1]));
    expect(rows.map((row) => row.id)).toEqual([4, 1]);
    expect(rows[0]).toMatchObject({ title: 'Teardrop', artist: 'Massive Attack', bitrate: 900_000, available: true });
    expect(rows[1]).toMatchObject({ title: 'Love Song', albumArtist: 'Björk', genre: 'Pop', playCount: 0 });
  });

  it('marks a track unavailable when its file is missing or its library folder offline', () => {
    catalog.db.prepare('UPDATE tracks SET missing_since = 1 WHERE id = 2').run();
    expect(reads.tracks([1, 2]).map((row) => row.available)).toEqual([true, false]);
    catalog.db.prepare('UPDATE roots SET online = 0').run();
    expect(reads.tracks([1]).map((row) => row.available)).toEqual([false]);
    catalog.db.prepare('UPDATE roots SET online = 1').run();
    catalog.db.prepare('UPDATE tracks SET missing_since = NULL').run();
  });

  it('lists an album page in disc and track order', () => {
    const [first] = reads.tracks([1]);
    expect(reads.albumTracks(first!.albumId!).map((row) => row.title)).toEqual(['Human Behaviour', 'Love Song']);
  });

  it('reads albums with their track count and length, in the order asked', () => {
    const debut = reads.tracks([1])[0]!.albumId!;
    const mezzanine = reads.tracks([4])[0]!.albumId!;
    expect(reads.albums([mezzanine, 1234, debut])).toEqual([
      expect.objectContaining({ id: mezzanine, title: 'Mezzanine', albumArtist: 'Massive Attack', trackCount: 1 }),
      expect.objectContaining({ id: debut, title: 'Debut', year: 1993, trackCount: 2, durationS: 300 }),
    ]);
  });
});
