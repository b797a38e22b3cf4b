// The members of each filter, read from a real catalog file (the search index included).
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openReadOnly } from '../../../../src/main/core/catalog/open.ts';
import { RowReads } from '../../../../src/main/core/catalog/reads/rows.ts';
import { TrackSetReads } from '../../../../src/main/core/catalog/reads/track-sets.ts';
import { parseQuery, toFtsMatch } from '../../../../src/main/core/views/query-language.ts';
import { FIVE_TRACKS, writeCatalog } from '../../../support/catalog-file.ts';
import { tempDir } from '../../../support/temp.ts';

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe('TrackSetReads', () => {
  const dir = tempDir();
  const { dbPath, catalog } = writeCatalog(dir.path, FIVE_TRACKS);
  const db: Database.Database = openReadOnly(dbPath);
  const reads = new TrackSetReads(db);
  const [debut, post, mezzanine] = new RowReads(db).tracks([1, 3, 4]);
  afterAll(() => {
    db.close();
    catalog.close();
    dir.cleanup();
  });

  it('reads an album, an album artist and a genre', () => {
    expect(sorted(reads.album(debut!.albumId!))).toEqual([1, 2]);
    const bjork = db.prepare('SELECT artist_id FROM albums WHERE id = ?').pluck().get(post!.albumId) as number;
    expect(sorted(reads.albumArtist(bjork))).toEqual([1, 2, 3]);
    const pop = db.prepare("SELECT id FROM genres WHERE name = 'Pop'").pluck().get() as number;
    expect(sorted(reads.genre(pop))).toEqual([1, 2]);
    expect(mezzanine!.albumId).not.toBe(debut!.albumId);
  });

  it('reads a folder as the paths between its two bounds, not its siblings that share a prefix', () => {
    expect(sorted(reads.pathsBetween('/music/A/', '/music/A0'))).toEqual([1, 2]);
    expect(sorted(reads.pathsBetween('/music/B/', '/music/B0'))).toEqual([4, 5]);
  });

  it('reads the tracks added since a time', () => {
    catalog.db.prepare('UPDATE tracks SET added_at = id * 1000').run();
    expect(sorted(reads.addedSince(3000))).toEqual([3, 4, 5]);
  });

  it('matches words, narrowed by years, and years alone', () => {
    const match = (text: string) => toFtsMatch(parseQuery(text))!;
    expect(sorted(reads.text(match('bjork')))).toEqual([1, 2, 3]);
    expect(sorted(reads.text(match('bjork'), { from: 1994, to: 1999 }))).toEqual([3]);
    expect(sorted(reads.text(match('tear')))).toEqual([4]);
    expect(sorted(reads.years(1993, 1995))).toEqual([1, 2, 3]);
  });
});
