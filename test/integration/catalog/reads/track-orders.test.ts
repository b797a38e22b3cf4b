// The orders read off the indexes of a real catalog file: ids, runs of equal values, heads.
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openReadOnly } from '../../../../src/main/core/catalog/open.ts';
import { dependsOnPlays, headKind, TrackOrderReads } from '../../../../src/main/core/catalog/reads/track-orders.ts';
import { FIVE_TRACKS, writeCatalog } from '../../../support/catalog-file.ts';
import { tempDir } from '../../../support/temp.ts';

describe('TrackOrderReads', () => {
  const dir = tempDir();
  const { dbPath, catalog } = writeCatalog(dir.path, FIVE_TRACKS);
  catalog.db.prepare('INSERT INTO play_stats (track_id, play_count, rating) VALUES (2, 3, 4), (4, 1, 0)').run();
  const db: Database.Database = openReadOnly(dbPath);
  const reads = new TrackOrderReads(db);
  afterAll(() => {
    db.close();
    catalog.close();
    dir.cleanup();
  });

  it('reads the ids in order of a value, with the sizes of its runs', () => {
    const ids = Array.from(reads.ids('year'));
    expect(ids[0]).toBe(5);
    expect(ids.slice(1, 3).sort()).toEqual([1, 2]);
    expect(ids.slice(3)).toEqual([3, 4]);
    expect(reads.hasRuns('year')).toBe(true);
    expect(reads.runs('year')).toEqual([1, 2, 1, 1]);
    expect(reads.tiesOrdered('year')).toBe(false);
    expect(reads.maxTrackId()).toBe(5);
  });

  it('reads an order whose index already breaks ties, without runs', () => {
    // Album artist, then album, disc and track: Debut's track 1 before its track 2.
    const ids = Array.from(reads.ids('albumArtist'));
    expect(ids.indexOf(2)).toBeLessThan(ids.indexOf(1));
    expect(reads.tiesOrdered('albumArtist')).toBe(true);
    expect(reads.hasRuns('title')).toBe(false);
  });

  it('reads a play statistic for the tracks that have one only', () => {
    expect(Array.from(reads.ids('playCount'))).toEqual([4, 2]);
    expect(reads.runs('playCount')).toEqual([1, 1]);
    // A rating of 0 is no rating.
    expect(Array.from(reads.ids('rating'))).toEqual([2]);
    expect(dependsOnPlays('rating')).toBe(true);
    expect(dependsOnPlays('year')).toBe(false);
  });

  it('reads the head of a sort in one statement, both ways', () => {
    expect(headKind('title')).toBe('statement');
    expect(Array.from(reads.head({ field: 'title', desc: false }, 2))).toEqual([3, 2]);
    // The untagged track is titled by its file name, "z".
    expect(Array.from(reads.head({ field: 'title', desc: true }, 2))).toEqual([5, 4]);
    expect(headKind('playCount')).toBeNull();
  });

  it('walks a head run by run where values are few', () => {
    expect(headKind('format')).toBe('runs');
    expect(reads.firstValues({ field: 'format', desc: false }, 64)).toEqual(['FLAC', 'MP3']);
    expect(reads.firstValues({ field: 'format', desc: true }, 1)).toEqual(['MP3']);
    expect(reads.runSize('format', 'MP3')).toBe(3);
    expect(reads.runSize('format', 'OGG')).toBe(0);
    // Either index gives the run in tie order (album artist, album, disc, track).
    expect(reads.runHead('format', 'MP3', 10, true)).toEqual([2, 1, 3]);
    expect(reads.runHead('format', 'MP3', 10, false)).toEqual([2, 1, 3]);
    expect(reads.runHead('format', 'MP3', 2, false)).toEqual([2, 1]);
  });

  it('reads the genres and the runs of the genre index', () => {
    const names = new Map(reads.genreNames());
    expect([...names.values()].sort()).toEqual(['Electronic', 'Pop', 'Trip Hop']);
    expect(reads.genreIds()).toEqual([...names.keys()].sort((a, b) => a - b));
    const runs = reads.genreRuns();
    expect(runs[0]).toEqual([null, 1]);
    expect(runs.map(([id, size]) => [id === null ? null : names.get(id), size]).slice(1)).toEqual(
      expect.arrayContaining([
        ['Pop', 2],
        ['Electronic', 1],
        ['Trip Hop', 1],
      ]),
    );
  });
});
