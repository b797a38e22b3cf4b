// The library views as the renderer sees them: a view is a spec (what, filtered how, sorted
// how); the main process turns it into an immutable snapshot of ordered ids at one library
// version, and the renderer reads windows of rows from it as it scrolls.
import { z } from 'zod';
import type { AlbumRow, ArtistRow, GenreRow, LibraryChange, PlaylistEntryRow, TrackRow } from './domain.ts';

export const TRACK_SORT_FIELDS = [
  'title',
  'artist',
  'album',
  'albumArtist',
  'trackNo',
  'year',
  'genre',
  'duration',
  'format',
  'bitrate',
  'added',
  'playCount',
  'skipCount',
  'lastPlayed',
  'rating',
  'path',
] as const;
export type TrackSortField = (typeof TRACK_SORT_FIELDS)[number];

export const ALBUM_SORT_FIELDS = ['albumArtist', 'title', 'year'] as const;
export type AlbumSortField = (typeof ALBUM_SORT_FIELDS)[number];

const id = z.int().positive();
const sortOf = <F extends readonly [string, ...string[]]>(fields: F) =>
  z.object({ field: z.enum(fields), desc: z.boolean() }).strict();

export const trackSortSchema = sortOf(TRACK_SORT_FIELDS);

export const trackFilterSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('all') }).strict(),
  z.object({ type: z.literal('album'), albumId: id }).strict(),
  /** The tracks of an album artist's albums. */
  z.object({ type: z.literal('artist'), artistId: id }).strict(),
  z.object({ type: z.literal('genre'), genreId: id }).strict(),
  /** Everything under a folder; the path is only compared with track paths, never opened. */
  z.object({ type: z.literal('folder'), path: z.string().min(1).max(4096) }).strict(),
  z.object({ type: z.literal('recent'), days: z.int().min(1).max(3650) }).strict(),
  z.object({ type: z.literal('search'), text: z.string().max(500) }).strict(),
  /**
   * A smart playlist's tracks: its stored query, read again at each library version (a play,
   * a rating, an edit of the query). Sorted by the query's `sort:` (else album artist order),
   * it is the playlist's own order.
   */
  z.object({ type: z.literal('smart'), playlistId: id }).strict(),
]);
export type TrackFilter = z.infer<typeof trackFilterSchema>;

export const viewSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tracks'), filter: trackFilterSchema, sort: trackSortSchema }).strict(),
  z
    .object({
      kind: z.literal('albums'),
      filter: z.discriminatedUnion('type', [
        z.object({ type: z.literal('all') }).strict(),
        z.object({ type: z.literal('artist'), artistId: id }).strict(),
      ]),
      sort: sortOf(ALBUM_SORT_FIELDS),
    })
    .strict(),
  /** Album artists: the people and bands the Artists view lists. */
  z.object({ kind: z.literal('artists'), sort: sortOf(['name', 'trackCount'] as const) }).strict(),
  z.object({ kind: z.literal('genres'), sort: sortOf(['name', 'trackCount'] as const) }).strict(),
  /**
   * A playlist's entries with the Songs columns: its ids are entry ids (a track may be in it
   * twice; an entry whose track is gone is a row too). Sort null: the playlist's own order;
   * a column's sort puts entries without a track last. search: the search box's language,
   * matched against the entries' tracks. A smart playlist's ids are its track ids (an entry
   * each), sort null being its query's order.
   */
  z
    .object({
      kind: z.literal('playlist'),
      playlistId: id,
      sort: trackSortSchema.nullable(),
      search: z.string().max(500).optional(),
    })
    .strict(),
]);
export type ViewSpec = z.infer<typeof viewSpecSchema>;
export type ViewKind = ViewSpec['kind'];
export type TrackSort = z.infer<typeof trackSortSchema>;

/**
 * A window of a snapshot: its ids, and the rows of those still in the catalog (a row deleted
 * since the snapshot was taken is simply absent; the list shows a gap until it catches up).
 */
export type ViewRows = { ids: number[] } & (
  | { kind: 'tracks'; rows: TrackRow[] }
  | { kind: 'albums'; rows: AlbumRow[] }
  | { kind: 'artists'; rows: ArtistRow[] }
  | { kind: 'genres'; rows: GenreRow[] }
  | { kind: 'playlist'; rows: PlaylistEntryRow[] }
);

/** One snapshot: the ids of a spec at one library version, in order. */
export interface SnapshotInfo {
  snapshotId: number;
  version: number;
  total: number;
}

export interface OpenedView extends SnapshotInfo {
  /** The previous snapshot asked about still holds (same ids, same order): its rows stay valid. */
  unchanged: boolean;
  /** Where the anchor row asked about is now; -1 when it is gone or none was asked about. */
  anchorIndex: number;
  /** The first window, starting at `offset`: no second round trip before the first paint. */
  offset: number;
  rows: ViewRows;
}

export interface SearchResult {
  /** What the query language could not read ("year: takes 1990 or 1990..1999"). */
  problems: string[];
  songs: OpenedView;
  albums: AlbumRow[];
  albumCount: number;
  artists: ArtistRow[];
  artistCount: number;
}

export interface FolderNode {
  path: string;
  name: string;
  trackCount: number;
  hasChildren: boolean;
}

export interface AlbumPage {
  album: AlbumRow;
  tracks: TrackRow[];
}

export interface ArtistPage {
  artist: ArtistRow;
  albums: AlbumRow[];
}

/** The changes after a version, or null when the in-memory log no longer reaches back that far. */
export interface ChangesSince {
  version: number;
  changes: LibraryChange[] | null;
}
