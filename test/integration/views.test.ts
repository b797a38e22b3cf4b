// The views against a real catalog (made by the bench's generator, diacritics and all) and the
// real views thread: every sort, search against a plain reference, the album, artist and
// folder pages.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../bench/views/catalog.ts';
import type { CommandInput, CommandName, CommandOutput } from '../../src/shared/contract.ts';
import type { TrackRow } from '../../src/shared/domain.ts';
import { unwrap } from '../../src/shared/result.ts';
import { TRACK_SORT_FIELDS, type TrackSortField } from '../../src/shared/views.ts';
import { createHandlers } from '../../src/main/core/api/create-handlers.ts';
import { dispatch } from '../../src/main/core/api/dispatch.ts';
import { foldText, sortKey } from '../../src/main/core/catalog/sort-key.ts';
import type { Core } from '../../src/main/core/core.ts';
import { testCore } from '../support/core.ts';
import { tempDir } from '../support/temp.ts';

const TRACKS = 3000;
const all = { type: 'all' } as const;

/** What a track sorts by, as the views must order it (nulls first, as SQL has them). */
const primary: Record<TrackSortField, (row: TrackRow) => string | number> = {
  title: (row) => sortKey(row.title),
  artist: (row) => sortKey(row.artist, 'name'),
  album: (row) => sortKey(row.album),
  albumArtist: (row) => sortKey(row.albumArtist, 'name'),
  trackNo: (row) => row.trackNo ?? -Infinity,
  year: (row) => row.year ?? -Infinity,
  genre: (row) => sortKey(row.genre.split('; ')[0] ?? ''),
  duration: (row) => row.durationS ?? -Infinity,
  format: (row) => row.format,
  bitrate: (row) => row.bitrate ?? -Infinity,
  added: (row) => row.addedAt,
  playCount: (row) => row.playCount,
  skipCount: (row) => row.skipCount,
  lastPlayed: (row) => row.lastPlayedAt ?? -Infinity,
  rating: (row) => row.rating || -Infinity,
  path: (row) => row.path,
};

/** A plain reading of the search language for the queries below: word prefixes, folded. */
function matches(row: TrackRow, words: string[], fields: (keyof TrackRow)[]): boolean {
  const haystack = fields.flatMap((field) => foldText(String(row[field] ?? '')).match(/[\p{L}\p{N}]+/gu) ?? []);
  return words.every((word) => haystack.some((candidate) => candidate.startsWith(word)));
}
const TEXT_FIELDS: (keyof TrackRow)[] = ['title', 'artist', 'album', 'albumArtist', 'genre', 'composer'];

describe('library views', () => {
  const dir = tempDir();
  let core: Core;
  let rows: TrackRow[];
  const call = async <K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> =>
    unwrap(await dispatch(createHandlers(core), name, input)) as CommandOutput<K>;

  beforeAll(async () => {
    const dbPath = join(dir.path, 'catalog.sqlite');
    await buildCatalog({ dbPath, tracks: TRACKS, covers: 4, seed: 3 });
    core = testCore(dbPath);
    const opened = await call('views.open', {
      spec: { kind: 'tracks', filter: all, sort: { field: 'path', desc: false } },
      limit: 2000,
    });
    const rest = await call('views.window', { snapshotId: opened.snapshotId, offset: 2000, limit: 2000 });
    rows = [...opened.rows.rows, ...rest.rows] as TrackRow[];
  });
  afterAll(async () => {
    await core?.close();
    dir.cleanup();
  });

  async function sorted(field: TrackSortField, desc: boolean): Promise<TrackRow[]> {
    const opened = await call('views.open', {
      spec: { kind: 'tracks', filter: all, sort: { field, desc } },
      limit: 2000,
    });
    const rest = await call('views.window', { snapshotId: opened.snapshotId, offset: 2000, limit: 2000 });
    expect(opened.total).toBe(TRACKS);
    return [...opened.rows.rows, ...rest.rows] as TrackRow[];
  }

  it('orders Songs by every column, both ways, ties in album artist order', async () => {
    expect(rows).toHaveLength(TRACKS);
    const albumArtistOrder = new Map((await sorted('albumArtist', false)).map((row, i) => [row.id, i]));
    for (const field of TRACK_SORT_FIELDS) {
      for (const desc of [false, true]) {
        const list = await sorted(field, desc);
        expect(new Set(list.map((row) => row.id)).size, field).toBe(TRACKS);
        for (let i = 1; i < list.length; i++) {
          const [a, b] = [primary[field](list[i - 1]!), primary[field](list[i]!)];
          if (a === b) {
            if (['year', 'genre', 'format', 'trackNo', 'playCount', 'skipCount', 'rating'].includes(field)) {
              expect(albumArtistOrder.get(list[i - 1]!.id)!, `${field} tie`).toBeLessThan(
                albumArtistOrder.get(list[i]!.id)!,
              );
            }
            continue;
          }
          expect(desc ? a > b : a < b, `${field} ${desc ? 'desc' : 'asc'} at ${i}: ${a} then ${b}`).toBe(true);
        }
      }
    }
    // The album artist order itself: album, then disc, then track (two albums of one artist
    // can share a title, and so an album id: their tracks interleave by number).
    const byAlbumArtist = await sorted('albumArtist', false);
    for (let i = 1; i < byAlbumArtist.length; i++) {
      const [a, b] = [byAlbumArtist[i - 1]!, byAlbumArtist[i]!];
      const position = (row: TrackRow) => (row.discNo ?? 0) * 1000 + (row.trackNo ?? 0);
      if (a.albumId === b.albumId) expect(position(a)).toBeLessThanOrEqual(position(b));
    }
  });

  it('searches as you type: prefixes, diacritics folded, fields and years', async () => {
    const cases: [string, (row: TrackRow) => boolean][] = [
      ['bjork', (row) => matches(row, ['bjork'], TEXT_FIELDS)],
      ['cafe', (row) => matches(row, ['cafe'], TEXT_FIELDS)],
      ['soren', (row) => matches(row, ['soren'], TEXT_FIELDS)],
      ['lodz', (row) => matches(row, ['lodz'], TEXT_FIELDS)],
      ['si', (row) => matches(row, ['si'], TEXT_FIELDS)],
      ['the sil', (row) => matches(row, ['the', 'sil'], TEXT_FIELDS)],
      ['artist:bjo', (row) => matches(row, ['bjo'], ['artist', 'albumArtist'])],
      [
        'genre:rock year:1990..1999',
        (row) => matches(row, ['rock'], ['genre']) && row.year! >= 1990 && row.year! <= 1999,
      ],
      ['year:1975', (row) => row.year === 1975],
    ];
    for (const [text, expected] of cases) {
      const result = await call('views.search', { text, sort: { field: 'artist', desc: false }, limit: 2000 });
      const want = rows.filter(expected).map((row) => row.id);
      expect(want.length, `${text} finds something`).toBeGreaterThan(0);
      expect(result.songs.total, text).toBe(want.length);
      expect(new Set(result.songs.rows.ids), text).toEqual(new Set(want));
      const artists = result.songs.rows.rows.map((row) => sortKey((row as TrackRow).artist, 'name'));
      expect(artists, `${text} in artist order`).toEqual([...artists].sort());
    }
    const bjork = await call('views.search', { text: 'bjork', sort: { field: 'artist', desc: false }, limit: 50 });
    expect(bjork.artists.map((artist) => artist.name)).toContain('Björk');
    expect(bjork.albums.every((album) => foldText(`${album.title} ${album.albumArtist}`).includes('bjork'))).toBe(true);
    const problem = await call('views.search', { text: 'year:soon', sort: { field: 'artist', desc: false }, limit: 5 });
    expect(problem.problems).toHaveLength(1);
    expect(problem.songs.total).toBe(0);
  });

  it('lists albums, album artists and genres, and their pages', async () => {
    const albums = await call('views.open', {
      spec: { kind: 'albums', filter: all, sort: { field: 'albumArtist', desc: false } },
      limit: 2000,
    });
    expect(albums.total).toBe(new Set(rows.map((row) => row.albumId)).size);
    const album = albums.rows.rows[0] as { id: number; trackCount: number };
    const page = await call('library.album', { albumId: album.id });
    expect(page.tracks).toHaveLength(album.trackCount);
    const order = page.tracks.map((track) => (track.discNo ?? 0) * 1000 + (track.trackNo ?? 0));
    expect(order).toEqual([...order].sort((a, b) => a - b));

    const artists = await call('views.open', {
      spec: { kind: 'artists', sort: { field: 'name', desc: false } },
      limit: 2000,
    });
    const names = artists.rows.rows.map((artist) => sortKey((artist as { name: string }).name, 'name'));
    expect(names).toEqual([...names].sort());
    const artist = artists.rows.rows[0] as { id: number; albumCount: number };
    const artistPage = await call('library.artist', { artistId: artist.id });
    expect(artistPage.albums).toHaveLength(artist.albumCount);
    expect(new Set(artistPage.albums.map((a) => a.artistId))).toEqual(new Set([artist.id]));

    const genres = await call('views.open', {
      spec: { kind: 'genres', sort: { field: 'name', desc: false } },
      limit: 100,
    });
    const genreTotal = genres.rows.rows.reduce((sum, genre) => sum + (genre as { trackCount: number }).trackCount, 0);
    expect(genreTotal).toBe(TRACKS);
    const genre = genres.rows.rows[0] as { id: number; trackCount: number };
    const inGenre = await call('views.open', {
      spec: { kind: 'tracks', filter: { type: 'genre', genreId: genre.id }, sort: { field: 'title', desc: false } },
      limit: 10,
    });
    expect(inGenre.total).toBe(genre.trackCount);

    await expect(call('library.album', { albumId: 999_999 })).rejects.toThrow(/No album/);
  });

  it('shows the library folders as a tree with counts', async () => {
    const [root] = await call('library.folders', { path: null });
    expect(root).toMatchObject({ trackCount: TRACKS, hasChildren: true });
    const children = await call('library.folders', { path: root!.path });
    expect(children.reduce((sum, child) => sum + child.trackCount, 0)).toBe(TRACKS);
    const first = children[0]!;
    const under = await call('views.open', {
      spec: { kind: 'tracks', filter: { type: 'folder', path: first.path }, sort: { field: 'path', desc: false } },
      limit: 2000,
    });
    expect(under.total).toBe(first.trackCount);
    expect((under.rows.rows as TrackRow[]).every((row) => row.path.startsWith(`${first.path}/`))).toBe(true);
  });

  it('answers a sort not read yet with its first rows at once, as the whole order has them', async () => {
    await core.writer.write.announceStructural();
    for (const field of TRACK_SORT_FIELDS) {
      for (const desc of [false, true]) {
        const spec = { kind: 'tracks', filter: all, sort: { field, desc } } as const;
        const first = await call('views.open', { spec, limit: 40 });
        const whole = await call('views.ids', { snapshotId: first.snapshotId, offset: 0, limit: TRACKS });
        expect(first.total, `${field} ${desc}`).toBe(TRACKS);
        expect(whole).toHaveLength(TRACKS);
        expect(first.rows.ids, `${field} ${desc}`).toEqual(whole.slice(0, 40));
      }
    }
  });

  it('keeps a snapshot while the library stays the same, and says so', async () => {
    const spec = { kind: 'tracks', filter: all, sort: { field: 'year', desc: true } } as const;
    const first = await call('views.open', { spec, limit: 10 });
    const again = await call('views.open', {
      spec,
      previous: first.snapshotId,
      anchorId: first.rows.ids[5],
      limit: 10,
    });
    expect(again).toMatchObject({ snapshotId: first.snapshotId, unchanged: true, anchorIndex: 5 });
    const ids = await call('views.ids', { snapshotId: first.snapshotId, offset: 0, limit: 10 });
    expect(ids).toEqual(first.rows.ids);
  });
});
