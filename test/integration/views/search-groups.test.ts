// A search's album and artist groups against a plain reading of their rule, on a generated
// catalog: the albums (and album artists) of the hits whose own names match the words, most
// matching words first, then most songs, then in name order; an artist tie keeps the order of
// its first album. Pins the ranking and the counts, whatever the engine does to be quick.
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../bench/views/catalog.ts';
import { openReadOnly } from '../../../src/main/core/catalog/open.ts';
import { CatalogReads } from '../../../src/main/core/catalog/reads/index.ts';
import { sortKey } from '../../../src/main/core/catalog/sort-key.ts';
import { ViewsEngine } from '../../../src/main/core/views/engine.ts';
import { foldedWords } from '../../../src/main/core/views/library-tables.ts';
import { BASE_SORT } from '../../../src/main/core/views/track-order.ts';
import type { AlbumRow, TrackRow } from '../../../src/shared/domain.ts';
import { tempDir } from '../../support/temp.ts';

interface Ranked {
  id: number;
  score: number;
  songs: number;
  key: string;
  key2: string;
  first: number;
}
const rank = (a: Ranked, b: Ranked) =>
  b.score - a.score ||
  b.songs - a.songs ||
  (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
  (a.key2 < b.key2 ? -1 : a.key2 > b.key2 ? 1 : 0) ||
  a.first - b.first;

/** How many of the words start a word of the name (a one-letter word: is one). */
function score(words: string[], name: string): number {
  const names = foldedWords(name);
  return words.filter((word) =>
    foldedWords(word).every((part) => names.some((w) => (part.length > 1 ? w.startsWith(part) : w === part))),
  ).length;
}

describe('search groups', () => {
  const dir = tempDir();
  let db: Database.Database;
  let engine: ViewsEngine;
  let reads: CatalogReads;

  beforeAll(async () => {
    const dbPath = join(dir.path, 'catalog.sqlite');
    await buildCatalog({ dbPath, tracks: 3000, covers: 0, seed: 5 });
    db = openReadOnly(dbPath);
    reads = new CatalogReads(db);
    engine = new ViewsEngine(reads);
  });
  afterAll(() => {
    db?.close();
    dir.cleanup();
  });

  it('ranks and counts the albums and artists of the hits as the rule says', () => {
    for (const text of ['th', 'the', 'si', 'b', 'a', 'love', 'the sil', 'cafe', 'jazz', 'bjork']) {
      const ids = engine.trackIds({ kind: 'tracks', filter: { type: 'search', text }, sort: BASE_SORT });
      const tracks = reads.rows.tracks(ids);
      const songsPerAlbum = new Map<number, number>();
      for (const track of tracks as TrackRow[])
        if (track.albumId !== null) songsPerAlbum.set(track.albumId, (songsPerAlbum.get(track.albumId) ?? 0) + 1);
      const albums = reads.rows.albums([...songsPerAlbum.keys()].sort((a, b) => a - b)) as AlbumRow[];
      const words = text.split(' ');
      const albumRanks: Ranked[] = [];
      const artists = new Map<number, Ranked>();
      for (const album of albums) {
        const songs = songsPerAlbum.get(album.id)!;
        const artist = artists.get(album.artistId);
        if (artist) artist.songs += songs;
        else {
          const row = { id: album.artistId, score: score(words, album.albumArtist), songs, first: album.id };
          artists.set(album.artistId, { ...row, key: sortKey(album.albumArtist, 'name'), key2: '' });
        }
        const own = score(words, `${album.title} ${album.albumArtist}`);
        const keys = { key: sortKey(album.albumArtist, 'name'), key2: sortKey(album.title) };
        if (own > 0) albumRanks.push({ id: album.id, score: own, songs, first: 0, ...keys });
      }
      const artistRanks = [...artists.values()].filter((artist) => artist.score > 0);
      const result = engine.search(text, BASE_SORT, 10);
      expect(result.albumCount, text).toBe(albumRanks.length);
      const shown = (ranks: typeof albumRanks) =>
        ranks
          .sort(rank)
          .slice(0, 12)
          .map((ranked) => ranked.id);
      expect(
        result.albums.map((album) => album.id),
        text,
      ).toEqual(shown(albumRanks));
      expect(result.artistCount, text).toBe(artistRanks.length);
      expect(
        result.artists.map((artist) => artist.id),
        text,
      ).toEqual(shown(artistRanks));
    }
  });
});
