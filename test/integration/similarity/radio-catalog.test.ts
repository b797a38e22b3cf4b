// The radio, "Similar tracks" and "More like this album" on a built catalog: tracks written as a
// scan writes them, vectors as the job writes them, answered by the similarity thread's engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/main/core/catalog/index.ts';
import { vectorWrites } from '../../../src/main/core/catalog/vector-writes.ts';
import { Neighbours, type RadioRequest } from '../../../src/main/core/similarity/neighbours.ts';
import { writeCatalog, type TrackInput } from '../../support/catalog-file.ts';
import { tempDir } from '../../support/temp.ts';

const VERSION = 3;
const SPACE = { featureVersion: VERSION, weights: null };
const NOW = 1_800_000_000_000;

// Each track's sound is one number here: its distance from the seed (track 1) along a line.
const T = (title: string, artist: string, album: string, genre: string, durationS: number, x: number) => ({
  track: {
    path: `/music/${album}/${title}.flac`,
    title,
    artist,
    albumArtist: artist,
    album,
    genres: [genre],
    durationS,
  },
  x,
});
const LIBRARY: { track: TrackInput; x: number | null }[] = [
  T('Seed Song', 'Aurora', 'Alpha', 'Rock', 200, 0), // 1: the seed
  T('Second', 'Aurora', 'Alpha', 'Rock', 210, 0.1), // 2: the seed's artist
  T('Seed Song (Remastered 2011)', 'aurora', 'Gamma', 'Rock', 201, 0.05), // 3: the seed again
  T('Played', 'Dusk', 'Epsilon', 'Rock', 180, 0.12), // 4: played ten minutes ago
  T('Cool', 'Coltrane', 'Delta', 'Jazz', 300, 0.15), // 5: an excluded genre
  T('Near', 'Bloom', 'Beta', 'Rock', 190, 0.2), // 6
  T('Near Too', 'Bloom', 'Beta', 'Rock', 195, 0.25), // 7: Bloom again too soon
  T('E', 'Ember', 'Zeta', 'Pop', 200, 0.3), // 8
  T('F', 'Fable', 'Eta', 'Pop', 200, 0.35), // 9
  T('G', 'Gale', 'Theta', 'Pop', 200, 0.4), // 10
  T('Far', 'Bloom', 'Beta', 'Rock', 230, 0.45), // 11: Bloom, spaced out now
  T('Gone', 'Hush', 'Iota', 'Rock', 200, 0.01), // 12: its file is missing
  { ...T('Unheard', 'Ivy', 'Kappa', 'Rock', 200, 0), x: null }, // 13: no vector yet
];

// The index standardises each dimension over the library: distances come out in spreads of x.
const xs = LIBRARY.flatMap(({ x }) => (x === null ? [] : [x]));
const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
const SPREAD = Math.sqrt(xs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (xs.length - 1));

describe('similarity on a built catalog', () => {
  const dir = tempDir();
  let catalog: Catalog;
  let neighbours: Neighbours;
  const radio = (fields: Partial<RadioRequest>) =>
    neighbours.radio(
      { seedIds: [1], recentIds: [1], excludeGenres: [], count: 5, artistSpacing: 3, now: NOW, ...fields },
      SPACE,
    );

  beforeAll(() => {
    ({ catalog } = writeCatalog(
      dir.path,
      LIBRARY.map((entry) => entry.track),
    ));
    vectorWrites(catalog.db).putVectors(
      LIBRARY.flatMap(({ x }, i) =>
        x === null
          ? []
          : [
              {
                trackId: i + 1,
                featureVersion: VERSION,
                size: 1000,
                mtimeNs: '1',
                audioKey: `key-${i + 1}`,
                vector: Float32Array.of(x, 0, 0, 0),
                error: null,
                excerptStartS: 0,
                excerptS: 30,
                cpuMs: 50,
              },
            ],
      ),
    );
    catalog.db
      .prepare('INSERT INTO play_stats (track_id, play_count, last_played_at) VALUES (4, 1, ?)')
      .run(NOW - 600_000);
    catalog.db.prepare('UPDATE tracks SET missing_since = ? WHERE id = 12').run(NOW);
    neighbours = new Neighbours(catalog.db);
  });

  afterAll(() => {
    catalog.close();
    dir.cleanup();
  });

  it('plays the nearest tracks the rules allow: no seed artist too soon, no copy of the seed, no jazz, nothing just played, nothing missing', () => {
    expect(radio({ excludeGenres: ['jazz'] })).toEqual({
      trackIds: [6, 8, 9, 10, 11],
      seedsWithoutVector: 0,
      exhausted: false,
    });
  });

  it('plays the excluded genre when nothing excludes it', () => {
    expect(radio({}).trackIds).toEqual([5, 6, 8, 9, 10]);
  });

  it('goes on from the queue it is given, and says when nothing more fits', () => {
    const next = radio({ recentIds: [1, 6, 8, 9, 10, 11], excludeGenres: ['jazz'] });
    // Aurora's "Second" is allowed again (three other artists since); "Near Too" still follows Bloom's "Far" too closely.
    expect(next).toEqual({ trackIds: [2], seedsWithoutVector: 0, exhausted: true });
  });

  it('counts the seeds without a vector', () => {
    expect(radio({ seedIds: [13] })).toEqual({ trackIds: [], seedsWithoutVector: 1, exhausted: true });
    expect(radio({ seedIds: [1, 13] }).seedsWithoutVector).toBe(1);
  });

  it('answers similar tracks nearest first with their distance, seeds and missing files left out', () => {
    const similar = neighbours.tracks([1], 3, SPACE);
    expect(similar.rows.map((row) => [row.track.id, row.distance])).toEqual([
      [3, expect.closeTo(0.05 / SPREAD, 4)],
      [2, expect.closeTo(0.1 / SPREAD, 4)],
      [4, expect.closeTo(0.12 / SPREAD, 4)],
    ]);
  });

  it('answers more like an album from the other albums only', () => {
    const albumId = catalog.db.prepare('SELECT album_id FROM tracks WHERE id = 6').pluck().get() as number;
    const similar = neighbours.album(albumId, 4, SPACE);
    const ids = similar.rows.map((row) => row.track.id);
    // Beta is 6, 7 and 11: each of 5, 8 and 10 is 0.05 from one of them, 4 is 0.08 from 6.
    expect(new Set(ids.slice(0, 3))).toEqual(new Set([5, 8, 10]));
    expect(ids[3]).toBe(4);
  });

  it('answers a replayed radio session from its cache', () => {
    const before = neighbours.cacheStats();
    for (let i = 0; i < 5; i++) radio({ recentIds: [1, 6, 8] });
    const after = neighbours.cacheStats();
    expect(after.hits - before.hits).toBeGreaterThanOrEqual(4);
  });
});
