// The album and artist groups of a search: the albums (and album artists) of the songs that
// matched, those whose own name matches the words typed first. With words typed, an album
// whose name matches none of them is left out: "love" lists albums called "Love…", not every
// album with a love song on it.
import type { ArtistRow } from '../../../shared/domain.ts';
import type { LibraryTables } from './library-tables.ts';
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

/** The best `k`, in order: one pass, since thousands of albums can match and twelve are shown. */
function top(items: Scored[], k: number): Scored[] {
  const best: Scored[] = [];
  for (const item of items) {
    if (best.length === k && byRelevance(item, best[k - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && byRelevance(item, best[at - 1]!) < 0) at--;
    best.splice(at, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

/**
 * How many of the terms match the name: each word of a term the start of one of its words
 * (a one-letter word the whole of one). `words` is " word word ", so this is `includes`.
 */
function nameScore(terms: string[][], words: string): number {
  let score = 0;
  for (const term of terms) if (term.every((part) => words.includes(part))) score++;
  return score;
}

export function searchGroups(
  tables: LibraryTables,
  query: ParsedQuery,
  songIds: ArrayLike<number>,
  limit: number,
): SearchGroups {
  const { byTrack, maxAlbumId } = tables.trackAlbum();
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

  const albums = tables.albums();
  const artists = tables.artists();
  const scoredAlbums: Scored[] = [];
  const artistSongs = new Map<number, number>();
  for (let albumId = 1; albumId < songsPerAlbum.length; albumId++) {
    const songs = songsPerAlbum[albumId]!;
    const album = songs > 0 ? albums.get(albumId) : undefined;
    if (!album) continue;
    artistSongs.set(album.artistId, (artistSongs.get(album.artistId) ?? 0) + songs);
    const score = nameScore(albumTerms, album.words);
    if (albumTerms.length === 0 || score > 0) {
      scoredAlbums.push({ id: albumId, score, songs, key: album.artistKey, key2: album.titleKey });
    }
  }
  const scoredArtists: Scored[] = [];
  for (const [artistId, songs] of artistSongs) {
    const artist = artists.get(artistId);
    if (!artist) continue;
    const score = nameScore(artistTerms, artist.words);
    if (artistTerms.length === 0 || score > 0) {
      scoredArtists.push({ id: artistId, score, songs, key: artist.key, key2: '' });
    }
  }
  return {
    albumIds: top(scoredAlbums, limit).map((album) => album.id),
    albumCount: scoredAlbums.length,
    artists: top(scoredArtists, limit).map(({ id }) => {
      const { key: _key, words: _words, ...row } = artists.get(id)!;
      return row;
    }),
    artistCount: scoredArtists.length,
  };
}
