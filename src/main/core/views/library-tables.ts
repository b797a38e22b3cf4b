// Albums, album artists and genres held in the views thread, one library version at a time:
// tens of thousands of rows, cheap to hold, and what the grids, the artist list and the
// search's album and artist groups are sorted and matched against.
import { dirname } from 'node:path';
import type { ArtistRow, GenreRow } from '../../../shared/domain.ts';
import type { AlbumSortField } from '../../../shared/views.ts';
import type { AlbumFactsRow, LibraryReads } from '../catalog/reads/library.ts';
import { foldText, sortKey } from '../catalog/sort-key.ts';

export interface AlbumFacts {
  id: number;
  artistId: number;
  year: number | null;
  titleKey: string;
  artistKey: string;
  /** Folded words of title and album artist, each after a space: " kingdom of islands bjork ". */
  words: string;
  /** Flagged a compilation, or one of the pieces of an album split by its track artists. */
  compilation: boolean;
}

export interface TrackAlbums {
  /** By track id: its album id, 0 for none. */
  byTrack: Int32Array;
  counts: Map<number, number>;
  maxAlbumId: number;
}

export interface ArtistFacts extends ArtistRow {
  key: string;
  words: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
export const foldedWords = (text: string): string[] => foldText(text).match(WORD) ?? [];
/** The words as one string a word's start can be found in with `includes(' ' + prefix)`. */
const spaced = (text: string): string => ` ${foldedWords(text).join(' ')} `;

/** Names outlive library versions: each is folded once (the cache starts over when full). */
function memoized<T>(compute: (text: string) => T, max = 60_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      if (cache.size >= max) cache.clear();
      value = compute(text);
      cache.set(text, value);
    }
    return value;
  };
}
const textKey = memoized((text) => sortKey(text));
const nameKey = memoized((text) => sortKey(text, 'name'));
const wordsOf = memoized(spaced);

export const VARIOUS_ARTISTS = 'Various Artists';
/**
 * The id of the Various Artists entry when no artist of that name is in the catalog (every
 * compilation there has an album artist of its own): above any rowid a library reaches.
 */
export const VARIOUS_ARTISTS_ID = 2_147_483_647;
/**
 * Untagged compilations get each track's artist as album artist, so one album comes apart
 * into one per artist: as many artists in one folder under one title are taken for one.
 */
const SPLIT_ARTISTS = 3;

const compare = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

const ALBUM_ORDER: Record<AlbumSortField, (a: AlbumFacts, b: AlbumFacts) => number> = {
  albumArtist: (a, b) =>
    compare(a.artistKey, b.artistKey) || compare(a.year ?? 0, b.year ?? 0) || compare(a.titleKey, b.titleKey),
  title: (a, b) => compare(a.titleKey, b.titleKey) || compare(a.artistKey, b.artistKey),
  year: (a, b) =>
    compare(a.year ?? 0, b.year ?? 0) || compare(a.artistKey, b.artistKey) || compare(a.titleKey, b.titleKey),
};

export class LibraryTables {
  readonly version: number;
  private readonly reads: LibraryReads;
  private albumMap: Map<number, AlbumFacts> | null = null;
  private artistMap: Map<number, ArtistFacts> | null = null;
  private genreList: (GenreRow & { key: string })[] | null = null;
  private trackAlbums: TrackAlbums | null = null;
  private readonly albumOrders = new Map<AlbumSortField, Int32Array>();
  private variousId: number | null = null;

  constructor(reads: LibraryReads, version: number) {
    this.reads = reads;
    this.version = version;
  }

  albums(): Map<number, AlbumFacts> {
    if (this.albumMap) return this.albumMap;
    const rows = this.reads.albums();
    this.albumMap = new Map(
      rows.map(([id, title, year, artistId, artist, compilation]) => [
        id,
        {
          id,
          artistId,
          year,
          titleKey: textKey(title),
          artistKey: nameKey(artist),
          words: wordsOf(title) + wordsOf(artist).slice(1),
          compilation: compilation === 1,
        },
      ]),
    );
    this.markSplitAlbums(rows);
    return this.albumMap;
  }

  private markSplitAlbums(rows: AlbumFactsRow[]): void {
    const pieces = new Map<string, AlbumFacts[]>();
    for (const [id, , , , , , path] of rows) {
      const album = this.albumMap!.get(id)!;
      if (path === null) continue;
      const key = `${dirname(path)}\u0000${album.titleKey}`;
      const group = pieces.get(key);
      if (group) group.push(album);
      else pieces.set(key, [album]);
    }
    for (const group of pieces.values()) {
      if (new Set(group.map((album) => album.artistId)).size < SPLIT_ARTISTS) continue;
      for (const album of group) album.compilation = true;
    }
  }

  /** The Various Artists entry's id: the artist of that name, else VARIOUS_ARTISTS_ID. */
  variousArtistsId(): number {
    if (this.variousId === null) {
      this.variousId = VARIOUS_ARTISTS_ID;
      for (const [id, name] of this.reads.artistNames()) if (name === VARIOUS_ARTISTS) this.variousId = id;
    }
    return this.variousId;
  }

  /** Whether an artist's page lists this album: its own, and every compilation for Various Artists. */
  albumOf(album: AlbumFacts, artistId: number): boolean {
    return album.artistId === artistId || (album.compilation && artistId === this.variousArtistsId());
  }

  /** The tracks of the albums an artist's page lists. */
  artistTracks(artistId: number): number[] {
    const albums = this.albums();
    const { byTrack } = this.trackAlbum();
    const ids: number[] = [];
    for (let trackId = 0; trackId < byTrack.length; trackId++) {
      const album = byTrack[trackId] ? albums.get(byTrack[trackId]!) : undefined;
      if (album && this.albumOf(album, artistId)) ids.push(trackId);
    }
    return ids;
  }

  /** Album ids in this order (ties by the album artist order). */
  albumOrder(field: AlbumSortField): Int32Array {
    let order = this.albumOrders.get(field);
    if (!order) {
      const albums = [...this.albums().values()].sort(ALBUM_ORDER[field]);
      order = Int32Array.from(albums, (album) => album.id);
      this.albumOrders.set(field, order);
    }
    return order;
  }

  /** Each track's album, and how many tracks each album has. */
  trackAlbum(): TrackAlbums {
    if (this.trackAlbums) return this.trackAlbums;
    const maxId = this.reads.maxTrackId() + 1;
    const ids = this.reads.trackIdsByAlbum();
    const runs = this.reads.albumRuns();
    const byTrack = new Int32Array(maxId);
    const counts = new Map<number, number>();
    let at = 0;
    for (const [albumId, size] of runs) {
      if (albumId !== null) {
        for (let i = at; i < at + size; i++) byTrack[ids[i]!] = albumId;
        counts.set(albumId, size);
      }
      at += size;
    }
    this.trackAlbums = { byTrack, counts, maxAlbumId: runs.at(-1)?.[0] ?? 0 };
    return this.trackAlbums;
  }

  /** Album artists: the artists with at least one album. */
  artists(): Map<number, ArtistFacts> {
    if (this.artistMap) return this.artistMap;
    const { counts } = this.trackAlbum();
    const map = new Map<number, ArtistFacts>();
    const names = this.reads.artistNames();
    for (const album of this.albums().values()) {
      let artist = map.get(album.artistId);
      if (!artist) {
        const name = names.get(album.artistId) ?? '';
        artist = { id: album.artistId, name, albumCount: 0, trackCount: 0, key: album.artistKey, words: wordsOf(name) };
        map.set(album.artistId, artist);
      }
      artist.albumCount++;
      artist.trackCount += counts.get(album.id) ?? 0;
    }
    // Compilations are listed under their album artist and under Various Artists too.
    const variousId = this.variousArtistsId();
    for (const album of this.albums().values()) {
      if (!album.compilation || album.artistId === variousId) continue;
      let various = map.get(variousId);
      if (!various) {
        const key = nameKey(VARIOUS_ARTISTS);
        various = {
          id: variousId,
          name: VARIOUS_ARTISTS,
          albumCount: 0,
          trackCount: 0,
          key,
          words: wordsOf(VARIOUS_ARTISTS),
        };
        map.set(variousId, various);
      }
      various.albumCount++;
      various.trackCount += counts.get(album.id) ?? 0;
    }
    this.artistMap = map;
    return map;
  }

  genres(): (GenreRow & { key: string })[] {
    this.genreList ??= this.reads.genres().map((genre) => ({ ...genre, key: textKey(genre.name) }));
    return this.genreList;
  }
}
