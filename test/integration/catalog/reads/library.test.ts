// The albums, artists, genres and folders the views hold per library version, read from a
// real catalog file.
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { RootWrites } from '../../../../src/main/core/catalog/roots.ts';
import { openReadOnly } from '../../../../src/main/core/catalog/open.ts';
import { LibraryReads } from '../../../../src/main/core/catalog/reads/library.ts';
import { FIVE_TRACKS, writeCatalog } from '../../../support/catalog-file.ts';
import { tempDir } from '../../../support/temp.ts';

describe('LibraryReads', () => {
  const dir = tempDir();
  const { dbPath, catalog } = writeCatalog(dir.path, FIVE_TRACKS);
  const db: Database.Database = openReadOnly(dbPath);
  const reads = new LibraryReads(db);
  afterAll(() => {
    db.close();
    catalog.close();
    dir.cleanup();
  });

  it('reads each album with its album artist', () => {
    const albums = reads.albums().map(([, title, year, , artist]) => [title, year, artist]);
    expect(albums.sort()).toEqual([
      ['Debut', 1993, 'Björk'],
      ['Mezzanine', 1998, 'Massive Attack'],
      ['Post', 1995, 'Björk'],
    ]);
    const names = reads.artistNames();
    for (const [, , , artistId, artist] of reads.albums()) expect(names.get(artistId)).toBe(artist);
  });

  it('reads the tracks grouped by album, in runs that add up', () => {
    expect(reads.maxTrackId()).toBe(5);
    const ids = reads.trackIdsByAlbum();
    const runs = reads.albumRuns();
    expect(runs.map(([, size]) => size)).toEqual([1, 2, 1, 1]);
    // Tracks without an album are the first run.
    expect(runs[0]).toEqual([null, 1]);
    expect(ids[0]).toBe(5);
    expect(ids.slice(1, 3).sort()).toEqual([1, 2]);
    expect(ids).toHaveLength(5);
  });

  it('reads only the genres that have tracks, with their counts', () => {
    catalog.db.prepare("INSERT INTO genres (name) VALUES ('Jazz')").run();
    const genres = reads.genres().map(({ name, trackCount }) => [name, trackCount]);
    expect(genres.sort()).toEqual([
      ['Electronic', 1],
      ['Pop', 2],
      ['Trip Hop', 1],
    ]);
  });

  it('reads the library folders in path order and the track paths under one', () => {
    new RootWrites(catalog.db).add('/aaa', 'local');
    expect(reads.rootPaths()).toEqual(['/aaa', '/music']);
    expect([...reads.trackPathsBetween('/music/B/', '/music/B0')]).toEqual(['/music/B/sub/y.flac', '/music/B/z.flac']);
    expect([...reads.trackPathsBetween('/music/', '/music0')]).toHaveLength(5);
  });
});
