// The typed API between the renderer and the main process, declared once. The preload
// bridge, the ipcMain wiring and the headless socket bridge are all generic over it: a
// command declared here and not handled in src/main/core/api is a compile error.
import { z } from 'zod';
import type { CatalogBackup, CatalogStatus, RestoreResult } from './catalog.ts';
import { settingKeys, type SettingKey, type Settings } from './settings.ts';
import {
  MAX_QUEUE,
  type AppInfo,
  type FormatSupport,
  type CacheStats,
  type LibraryChange,
  type PlaybackState,
  type PlayStats,
  type PlaylistFolder,
  type PlaylistImport,
  type PlaylistPage,
  type PlaylistsChanged,
  type PlaylistSummary,
  type Root,
  type ScanError,
  type FolderListing,
  type ScanProgress,
  type ScanSummary,
  type TrackRow,
} from './domain.ts';
import {
  trackSortSchema,
  viewSpecSchema,
  type AlbumPage,
  type ArtistPage,
  type ChangesSince,
  type FolderNode,
  type OpenedView,
  type SearchResult,
  type ViewRows,
} from './views.ts';
import {
  coverChangeSchema,
  tagChangesSchema,
  tagTransformsSchema,
  type TagBatchResult,
  type TagEditorState,
  type TagProgress,
} from './tags.ts';
import type { RadioBatch, SimilarityStatus, SimilarTracks } from './similarity.ts';

/** Declares a command: its input schema (validated in the main process) and its output type. */
function command<I extends z.ZodType>(input: I) {
  return { returns: <O>() => ({ input, output: null as unknown as O }) };
}
function event<P>() {
  return { payload: null as unknown as P };
}

const none = z.object({}).strict();
const id = z.int().positive();
const playlistName = z.string().trim().min(1).max(500);
const folderId = id.nullable();
/** An index among the entries as they are; past the end appends. */
const position = z.int().min(0);
const trackIds = z.array(id).max(MAX_QUEUE);
const filePath = z.string().min(1).max(4096);
const windowOf = { offset: z.int().min(0), limit: z.int().min(1).max(2000) };

const playbackState = z
  .object({
    trackIds: z.array(id).max(MAX_QUEUE),
    unshuffled: z.array(z.int().min(0).max(MAX_QUEUE)).max(MAX_QUEUE).nullable(),
    index: z.int().min(-1).max(MAX_QUEUE),
    positionS: z.number().min(0).max(1e7),
    shuffle: z.boolean(),
    repeat: z.enum(['off', 'all', 'one']),
    volume: z.number().min(0).max(1),
    muted: z.boolean(),
  })
  .strict();

export const commands = {
  'app.info': command(none).returns<AppInfo>(),
  /** A failure only the page sees (a track that will not play), written to the log file. */
  'app.reportError': command(
    z
      .object({ kind: z.enum(['playback', 'renderer']), message: z.string().max(2000), trackId: id.optional() })
      .strict(),
  ).returns<null>(),
  /** Opens the log file's folder where the OS can (the app); says where it is either way. */
  'app.openLogFolder': command(none).returns<{ path: string; opened: boolean }>(),

  'library.tracks': command(z.object(windowOf).strict()).returns<{ total: number; rows: TrackRow[] }>(),
  'library.roots': command(none).returns<Root[]>(),
  'library.addRoot': command(z.object({ path: z.string().min(1).max(4096) }).strict()).returns<Root>(),
  /** The OS folder picker (the app); null when cancelled or where there is none (a browser). */
  'library.pickFolders': command(none).returns<string[] | null>(),
  /** The folder browser where there is no OS picker: `path` (`~` allowed) or the places to start. */
  'library.browse': command(
    z.object({ path: z.string().min(1).max(4096).optional() }).strict(),
  ).returns<FolderListing>(),
  'library.removeRoot': command(z.object({ rootId: id }).strict()).returns<null>(),
  'library.setRootWatch': command(z.object({ rootId: id, watch: z.boolean() }).strict()).returns<Root>(),

  'scan.start': command(
    z.object({ rootIds: z.array(id).max(1000).optional(), acceptLosses: z.boolean().optional() }).strict(),
  ).returns<{ scanId: number }>(),
  'scan.cancel': command(none).returns<null>(),
  'scan.status': command(none).returns<ScanProgress | null>(),
  'scan.lastSummary': command(none).returns<ScanSummary | null>(),
  'settings.get': command(none).returns<Settings>(),
  'settings.set': command(
    z.object({ key: z.enum(settingKeys as [SettingKey, ...SettingKey[]]), value: z.unknown() }).strict(),
  ).returns<Settings>(),

  'scan.errors': command(z.object(windowOf).strict()).returns<{ total: number; rows: ScanError[] }>(),

  /** Treat a library folder as local or network (the chunk cache) whatever was detected; null: detected. */
  'library.setRootKind': command(
    z.object({ rootId: id, kind: z.enum(['local', 'network']).nullable() }).strict(),
  ).returns<Root>(),
  'cache.stats': command(none).returns<CacheStats>(),
  /** Forgets every cached file but the playing and the next one. */
  'cache.clear': command(none).returns<CacheStats>(),
  /** The player, whenever the current or next queued track changes: both are kept, the next fetched ahead. */
  'cache.hint': command(z.object({ playingId: id.nullable(), upNextId: id.nullable() }).strict()).returns<null>(),
  /** The player's own measure: from play() or a seek to the first audio heard. */
  'cache.reportTiming': command(
    z.object({ trackId: id, kind: z.enum(['start', 'seek']), ms: z.number().min(0).max(600_000) }).strict(),
  ).returns<null>(),

  /** Rows for these ids, in the order asked; ids no longer in the catalog are left out. */
  'library.tracksByIds': command(z.object({ ids: z.array(id).max(MAX_QUEUE) }).strict()).returns<TrackRow[]>(),
  /** A play that counted (half the track or 4 minutes heard): play count and last played. */
  'playback.recordPlay': command(z.object({ trackId: id }).strict()).returns<PlayStats>(),
  /** The listener moved on before the play counted. */
  'playback.recordSkip': command(z.object({ trackId: id }).strict()).returns<PlayStats>(),
  'playback.saveState': command(playbackState).returns<null>(),
  /** Whole stars, 0 to 5; 0 or null clears the rating. Answers the ids rated (those still in the catalog). */
  'tracks.setRating': command(
    z.object({ trackIds: z.array(id).min(1).max(MAX_QUEUE), rating: z.int().min(0).max(5).nullable() }).strict(),
  ).returns<number[]>(),
  'playback.loadState': command(none).returns<PlaybackState | null>(),
  'playback.formatSupport': command(none).returns<FormatSupport>(),

  // The views (src/shared/views.ts): snapshots of ordered ids, read in windows as a list scrolls.
  /** A snapshot of the spec at the current library version, with its first window. */
  'views.open': command(
    z
      .object({
        spec: viewSpecSchema,
        previous: id.optional(),
        anchorId: id.optional(),
        lead: z.int().min(0).max(2000).optional(),
        offset: z.int().min(0).optional(),
        limit: z.int().min(1).max(2000),
      })
      .strict(),
  ).returns<OpenedView>(),
  'views.window': command(z.object({ snapshotId: id, ...windowOf }).strict()).returns<ViewRows>(),
  /** Ids only (a range selected with shift, select all): 4 bytes a row, not a row. */
  'views.ids': command(
    z.object({ snapshotId: id, offset: z.int().min(0), limit: z.int().min(1).max(1_000_000) }).strict(),
  ).returns<number[]>(),
  'views.search': command(
    z.object({ text: z.string().max(500), sort: trackSortSchema, limit: z.int().min(1).max(2000) }).strict(),
  ).returns<SearchResult>(),
  'library.album': command(z.object({ albumId: id }).strict()).returns<AlbumPage>(),
  'library.artist': command(z.object({ artistId: id }).strict()).returns<ArtistPage>(),
  /** The library folders (path null), or the folders inside one of them. */
  'library.folders': command(z.object({ path: z.string().min(1).max(4096).nullable() }).strict()).returns<
    FolderNode[]
  >(),
  /** What changed after a version: a renderer that missed events catches up with these. */
  'library.changesSince': command(z.object({ version: z.int().min(0) }).strict()).returns<ChangesSince>(),
  /** Opens the file manager at the track (the app); a browser gets the folder to show itself. */
  'library.showInFolder': command(z.object({ trackId: id }).strict()).returns<{ opened: boolean; folder: string }>(),

  // The catalog file (src/shared/catalog.ts): whole or damaged, its backups, a restore.
  'catalog.status': command(none).returns<CatalogStatus>(),
  /** Newest first. */
  'catalog.backups': command(none).returns<CatalogBackup[]>(),
  'catalog.backup': command(none).returns<CatalogBackup>(),
  /** One of catalog.backups by name, or (no name) the newest that passes the check; then the library reloads. */
  'catalog.restore': command(
    z.object({ name: z.string().min(1).max(255).optional() }).strict(),
  ).returns<RestoreResult>(),

  // Playlists (catalog/playlists.ts, catalog/reads/playlists.ts, core/playlists/). Every edit
  // is followed by playlists.changed; a deleted playlist can be restored until the next delete.
  'playlists.list': command(none).returns<{ folders: PlaylistFolder[]; playlists: PlaylistSummary[] }>(),
  /** Every entry in order, tracks gone included (state missing, their remembered path and tags). */
  'playlists.get': command(z.object({ playlistId: id }).strict()).returns<PlaylistPage>(),
  /** The playable tracks in entry order: what "play" queues. */
  'playlists.trackIds': command(z.object({ playlistId: id }).strict()).returns<number[]>(),
  /** A new playlist, empty or of these tracks; smartQuery makes a smart playlist (no entries of its own). */
  'playlists.create': command(
    z
      .object({
        name: playlistName,
        folderId: folderId.optional(),
        trackIds: trackIds.optional(),
        smartQuery: z.string().min(1).max(2000).optional(),
      })
      .strict(),
  ).returns<PlaylistSummary>(),
  /** The queue (or any list of tracks, from any view) saved as a new playlist. */
  'playlists.saveQueue': command(
    z.object({ name: playlistName, trackIds, folderId: folderId.optional() }).strict(),
  ).returns<PlaylistSummary>(),
  /** A smart playlist's new query; refused for a list of entries. Its views read it at once. */
  'playlists.setSmartQuery': command(
    z.object({ playlistId: id, smartQuery: z.string().min(1).max(2000) }).strict(),
  ).returns<PlaylistSummary>(),
  'playlists.rename': command(z.object({ playlistId: id, name: playlistName }).strict()).returns<PlaylistSummary>(),
  'playlists.duplicate': command(
    z.object({ playlistId: id, name: playlistName.optional() }).strict(),
  ).returns<PlaylistSummary>(),
  /** To the trash; `playlists.undoDelete` brings it back until the next delete. */
  'playlists.delete': command(z.object({ playlistId: id }).strict()).returns<null>(),
  'playlists.undoDelete': command(z.object({ playlistId: id }).strict()).returns<PlaylistSummary>(),
  /** Into a folder (null: the top level), at a position among its playlists (default: last). */
  'playlists.move': command(
    z.object({ playlistId: id, folderId, position: position.optional() }).strict(),
  ).returns<PlaylistSummary>(),
  /** Tracks from any view, inserted at a position (default: the end). Returns how many were added. */
  'playlists.addTracks': command(
    z.object({ playlistId: id, trackIds, position: position.optional() }).strict(),
  ).returns<number>(),
  'playlists.removeEntries': command(
    z.object({ playlistId: id, entryIds: z.array(id).max(MAX_QUEUE) }).strict(),
  ).returns<number>(),
  /** These entries, in this order, moved to a position of the playlist as it was (the drop line). */
  'playlists.moveEntries': command(
    z.object({ playlistId: id, entryIds: z.array(id).min(1).max(MAX_QUEUE), position }).strict(),
  ).returns<number>(),
  'playlists.createFolder': command(
    z.object({ name: playlistName, parentId: folderId.optional() }).strict(),
  ).returns<PlaylistFolder>(),
  'playlists.renameFolder': command(z.object({ folderId: id, name: playlistName }).strict()).returns<PlaylistFolder>(),
  'playlists.moveFolder': command(
    z.object({ folderId: id, parentId: folderId, position: position.optional() }).strict(),
  ).returns<PlaylistFolder>(),
  /** Its playlists and folders move up into its parent: nothing is deleted with it. */
  'playlists.deleteFolder': command(z.object({ folderId: id }).strict()).returns<null>(),
  /** M3U/M3U8, PLS or XSPF; lines matched by path, path end or tags; the rest kept as missing. */
  'playlists.import': command(
    z.object({ path: filePath, name: playlistName.optional(), folderId: folderId.optional() }).strict(),
  ).returns<PlaylistImport>(),
  /** Format from the file name unless given; paths under the file's folder written relative to it. */
  'playlists.export': command(
    z.object({ playlistId: id, path: filePath, format: z.enum(['m3u8', 'pls', 'xspf']).optional() }).strict(),
  ).returns<{ path: string; format: 'm3u8' | 'pls' | 'xspf'; entries: number }>(),

  // Tag editing (core/tags/, shared/tags.ts): files rewritten safely, the catalog following.
  /** The editor's state for these tracks: shared values, mixed fields, the tracks that cannot be edited. */
  'tags.read': command(z.object({ ids: z.array(id).min(1).max(MAX_QUEUE) }).strict()).returns<TagEditorState>(),
  /** Writes the fields given (the rest left alone) to each track's file; per-file errors, the rest go on. */
  'tags.write': command(
    z
      .object({
        ids: z.array(id).min(1).max(MAX_QUEUE),
        changes: tagChangesSchema,
        transforms: tagTransformsSchema.optional(),
        cover: coverChangeSchema.optional(),
      })
      .strict(),
  ).returns<TagBatchResult>(),
  /** Stops the running batch after the file being written: what was written stays. */
  'tags.cancel': command(none).returns<null>(),
  /** Puts back what the last batch replaced. */
  'tags.undo': command(none).returns<TagBatchResult>(),
  // Similarity (src/shared/similarity.ts, core/similarity/): vectors of the audio, analysed in the background.
  'similar.status': command(none).returns<SimilarityStatus>(),
  /** The tracks nearest to these (seeds left out), nearest first. */
  'similar.tracks': command(
    z.object({ ids: z.array(id).min(1).max(100), limit: z.int().min(1).max(200) }).strict(),
  ).returns<SimilarTracks>(),
  /** Tracks of other albums nearest to this album's. */
  'similar.album': command(z.object({ albumId: id, limit: z.int().min(1).max(200) }).strict()).returns<SimilarTracks>(),
  /** The radio's next tracks; stateless: the renderer sends its seeds and the queue's tail (newest last). */
  'radio.next': command(
    z
      .object({
        seedIds: z.array(id).min(1).max(50),
        recentIds: z.array(id).max(500),
        excludeGenres: z.array(z.string().max(200)).max(50),
        count: z.int().min(1).max(50),
      })
      .strict(),
  ).returns<RadioBatch>(),
  'similar.setPaused': command(z.object({ paused: z.boolean() }).strict()).returns<SimilarityStatus>(),
} as const;

export const events = {
  'library.changed': event<LibraryChange>(),
  'scan.progress': event<ScanProgress>(),
  'scan.finished': event<ScanSummary>(),
  'settings.changed': event<Settings>(),
  /** The catalog was reopened (after a restore): windows reload everything they hold. */
  'catalog.changed': event<CatalogStatus>(),
  /** A playlist or folder was edited (after it committed, at that library version). */
  'playlists.changed': event<PlaylistsChanged>(),
  'tags.progress': event<TagProgress>(),
  /** The background analysis moved on, started, stopped or was paused. */
  'similar.progress': event<SimilarityStatus>(),
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = Commands[K]['output'];

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = Events[K]['payload'];

export const commandNames = Object.keys(commands) as CommandName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** Electron IPC channel names, derived from the contract so they cannot drift. */
export const channelFor = (name: CommandName): string => `tonearm:${name}`;
export const EVENT_CHANNEL = 'tonearm:event';
/** The privileged scheme the app serves media and covers on. */
export const MEDIA_SCHEME = 'tonearm-media';
