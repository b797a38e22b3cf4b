// Albums, album artists and genres held in the views thread, one library version at a time:
// tens of thousands of rows, cheap to hold, and what the grids, the artist list and the
// search's album and artist groups are sorted and matched against.
import type { ArtistRow, GenreRow } from '../../../shared/domain.ts';
import type { AlbumSortField } from '../../../shared/views.ts';
import type { LibraryReads } from '../catalog/reads/library.ts';
import { foldText, sortKey } from '../catalog/sort-key.ts';

export interface AlbumFacts {
  id: number;
  artistId: number;
  year: number | null;
  titleKey: string;
  artistKey: string;
  /** Folded words of title and album artist, each after a space: " kingdom of islands bjork ". */
  words: string;
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

  constructor(reads: LibraryReads, version: number) {
    this.reads = reads;
    this.version = version;
  }

  albums(): Map<number, AlbumFacts> {
    if (this.albumMap) return this.albumMap;
    this.albumMap = new Map(
      this.reads.albums().map(([id, title, year, artistId, artist]) => [
        id,
        {
          id,
          artistId,
          year,
          titleKey: textKey(title),
          artistKey: nameKey(artist),
          words: wordsOf(title) + wordsOf(artist).slice(1),
        },
      ]),
    );
    return this.albumMap;
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
    this.artistMap = map;
    return map;
  }

  genres(): (GenreRow & { key: string })[] {
    this.genreList ??= this.reads.genres().map((genre) => ({ ...genre, key: textKey(genre.name) }));
    return this.genreList;
  }
}
