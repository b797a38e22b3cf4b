// The album and artist groups of a search: the albums (and album artists) of the songs that
// matched, those whose own name matches the words typed first. With words typed, an album
// whose name matches none of them is left out: "love" lists albums called "Love…", not every
// album with a love song on it.
import type { ArtistRow } from '../../../shared/domain.ts';
import type { AlbumFacts, LibraryTables } from './library-tables.ts';
import { foldedWords } from './library-tables.ts';
import type { ParsedQuery } from './query-language.ts';

export interface SearchGroups {
  albumIds: number[];
  albumCount: number;
  artists: ArtistRow[];
  artistCount: number;
}

interface Scored {
  id: number;
  score: number;
  songs: number;
  /** Ties: in name order (album artist, then title). */
  key: string;
  key2: string;
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byRelevance = (a: Scored, b: Scored): number =>
  b.score - a.score || b.songs - a.songs || compareKeys(a.key, b.key) || compareKeys(a.key2, b.key2);

/**
 * The best `k`, in order, offered one at a time: thousands of albums can match a broad
 * prefix and twelve are shown, so only those that may be among them are copied.
 */
class Best {
  readonly items: Scored[] = [];
  private readonly k: number;
  private readonly candidate: Scored = { id: 0, score: 0, songs: 0, key: '', key2: '' };

  constructor(k: number) {
    this.k = k;
  }

  offer(id: number, score: number, songs: number, key: string, key2: string): void {
    const { items, k, candidate } = this;
    candidate.id = id;
    candidate.score = score;
    candidate.songs = songs;
    candidate.key = key;
    candidate.key2 = key2;
    if (items.length === k && (k === 0 || byRelevance(candidate, items[k - 1]!) >= 0)) return;
    let at = items.length;
    while (at > 0 && byRelevance(candidate, items[at - 1]!) < 0) at--;
    items.splice(at, 0, { ...candidate });
    if (items.length > k) items.pop();
  }
}

/**
 * How many of the terms match the name: each word of a term the start of one of its words
 * (a one-letter word the whole of one). `words` is " word word ", so this is `includes`.
 */
function nameScore(terms: string[][], words: string): number {
  let score = 0;
  for (const term of terms) {
    let all = true;
    for (const part of term) if (!words.includes(part)) all = false;
    if (all) score++;
  }
  return score;
}

/** The albums by id and their album artists numbered densely: what a search counts songs into. */
interface DenseTables {
  albums: (AlbumFacts | undefined)[];
  /** By album id: its album artist's slot. */
  slotOf: Int32Array;
  /** By slot: the album artist's id. */
  artistIds: number[];
}
const denseTables = new WeakMap<LibraryTables, DenseTables>();

function dense(tables: LibraryTables, maxAlbumId: number): DenseTables {
  let found = denseTables.get(tables);
  if (found) return found;
  const albums: (AlbumFacts | undefined)[] = new Array(maxAlbumId + 1).fill(undefined);
  const slotOf = new Int32Array(maxAlbumId + 1);
  const slots = new Map<number, number>();
  for (const album of tables.albums().values()) {
    if (album.id > maxAlbumId) continue;
    albums[album.id] = album;
    let slot = slots.get(album.artistId);
    if (slot === undefined) slots.set(album.artistId, (slot = slots.size));
    slotOf[album.id] = slot;
  }
  found = { albums, slotOf, artistIds: [...slots.keys()] };
  denseTables.set(tables, found);
  return found;
}

export function searchGroups(
  tables: LibraryTables,
  query: ParsedQuery,
  songIds: ArrayLike<number>,
  limit: number,
): SearchGroups {
  const { byTrack, maxAlbumId } = tables.trackAlbum();
  const { albums, slotOf, artistIds } = dense(tables, maxAlbumId);
  const songsPerAlbum = new Int32Array(maxAlbumId + 1);
  for (let i = 0; i < songIds.length; i++) {
    const id = songIds[i]!;
    if (id < byTrack.length) songsPerAlbum[byTrack[id]!]!++;
  }
  songsPerAlbum[0] = 0;
  const termsFor = (fields: readonly (string | null)[]) =>
    query.terms
      .filter((term) => fields.includes(term.field))
      .map((term) => term.words.flatMap(foldedWords).map((word) => (word.length > 1 ? ` ${word}` : ` ${word} `)));
  const albumTerms = termsFor([null, 'album', 'albumArtist', 'artist']);
  const artistTerms = termsFor([null, 'albumArtist', 'artist']);

  const bestAlbums = new Best(limit);
  let albumCount = 0;
  const songsPerSlot = new Int32Array(artistIds.length);
  // In the order their first album comes: ties among artists keep it.
  const slotsSeen: number[] = [];
  for (let albumId = 1; albumId < songsPerAlbum.length; albumId++) {
    const songs = songsPerAlbum[albumId]!;
    const album = songs > 0 ? albums[albumId] : undefined;
    if (!album) continue;
    const slot = slotOf[albumId]!;
    if (songsPerSlot[slot] === 0) slotsSeen.push(slot);
    songsPerSlot[slot]! += songs;
    const score = nameScore(albumTerms, album.words);
    if (albumTerms.length === 0 || score > 0) {
      albumCount++;
      bestAlbums.offer(albumId, score, songs, album.artistKey, album.titleKey);
    }
  }
  const artists = tables.artists();
  const bestArtists = new Best(limit);
  let artistCount = 0;
  for (const slot of slotsSeen) {
    const artistId = artistIds[slot]!;
    const artist = artists.get(artistId);
    if (!artist) continue;
    const score = nameScore(artistTerms, artist.words);
    if (artistTerms.length === 0 || score > 0) {
      artistCount++;
      bestArtists.offer(artistId, score, songsPerSlot[slot]!, artist.key, '');
    }
  }
  return {
    albumIds: bestAlbums.items.map((album) => album.id),
    albumCount,
    artists: bestArtists.items.map(({ id }) => {
      const { key: _key, words: _words, ...row } = artists.get(id)!;
      return row;
    }),
    artistCount,
  };
}
