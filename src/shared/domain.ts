// Domain types that cross a process boundary. Declared once; both ends infer from here.
import type { ErrorInfo } from './result.ts';

export type RootKind = 'local' | 'network';

export interface Root {
  id: number;
  path: string;
  /** What the scanner uses: the override if the user set one, else what was detected. */
  kind: RootKind;
  kindDetected: RootKind;
  kindOverride: RootKind | null;
  online: boolean;
  offlineReason: string | null;
  watch: boolean;
  trackCount: number;
  lastScanAt: number | null;
}

/** One row of a track list: what the views show and the player needs. */
export interface TrackRow {
  id: number;
  path: string;
  title: string;
  artist: string;
  album: string;
  albumArtist: string;
  albumId: number | null;
  trackNo: number | null;
  discNo: number | null;
  year: number | null;
  genre: string;
  composer: string;
  durationS: number | null;
  format: string;
  bitrate: number | null;
  sampleRate: number | null;
  coverHash: string | null;
  addedAt: number;
  playCount: number;
  skipCount: number;
  lastPlayedAt: number | null;
  rating: number | null;
  available: boolean;
  rgTrackGain: number | null;
  rgTrackPeak: number | null;
  rgAlbumGain: number | null;
  rgAlbumPeak: number | null;
}

export interface AlbumRow {
  id: number;
  title: string;
  albumArtist: string;
  artistId: number;
  year: number | null;
  coverHash: string | null;
  trackCount: number;
  durationS: number;
}

export interface ArtistRow {
  id: number;
  name: string;
  albumCount: number;
  trackCount: number;
}

export interface GenreRow {
  id: number;
  name: string;
  trackCount: number;
}

export type ScanPhase = 'inventory' | 'diff' | 'parse' | 'write' | 'done' | 'cancelled' | 'failed';

export interface ScanProgress {
  scanId: number;
  phase: ScanPhase;
  done: number;
  total: number;
  filesPerSecond: number;
  etaSeconds: number | null;
  currentRoot: string | null;
  message: string | null;
}

export interface ScanSummary {
  added: number;
  updated: number;
  removed: number;
  missing: number;
  unchanged: number;
  failed: number;
  moved: number;
  offlineRoots: string[];
  tracks: number;
  durationMs: number;
  cancelled: boolean;
  /** Why the scan stopped early (the disk filled, a thread died): what it saved is kept. */
  error: ErrorInfo | null;
}

/** A place the folder browser starts from: the home folder, a mounted disk or share, /music. */
export interface BrowsePlace {
  label: string;
  path: string;
  kind: 'home' | 'media' | 'share' | 'music';
}

/** One folder in the folder browser (`library.browse`); `path` null: only the places. */
export interface FolderListing {
  path: string | null;
  parent: string | null;
  folders: { name: string; path: string }[];
  /** More subfolders than the list holds. */
  truncated: boolean;
  /** False for a system folder (`/`), which can be walked through but not added. */
  canAdd: boolean;
  places: BrowsePlace[];
}

export interface ScanError {
  path: string;
  /** Why, in a sentence for people (shared/scan-error-text.ts). */
  message: string;
  /** The parser's own words, for a bug report. */
  detail: string;
  at: number;
}

/** What one committed write changed; the feed of library versions is made of these. */
export interface LibraryChange {
  version: number;
  added: number[];
  updated: number[];
  removed: number[];
  /** Roots, albums, artists or covers changed too: views over them need a fresh snapshot. */
  structural: boolean;
}

export interface AppInfo {
  version: string;
  dataDir: string;
  dbPath: string;
  host: 'electron' | 'browser';
  /** The log file (rotated at 5 MB into tonearm.old.log beside it). */
  logFile: string;
}

/** The library's tracks in formats Chromium cannot decode: they play only through ffmpeg. */
export interface FormatSupport {
  ffmpeg: boolean;
  needFfmpeg: number;
  /** Their formats, as the catalog names them (codec, else extension), most tracks first. */
  formats: string[];
}

/** Latencies in milliseconds, over the most recent plays. */
export interface LatencyFigures {
  count: number;
  medianMs: number | null;
  lastMs: number | null;
  recentMs: number[];
}

/** The chunk cache's live figures, shown in the Settings pane. */
export interface CacheStats {
  bytesCached: number;
  maxBytes: number;
  entries: number;
  /** Share of the bytes served to the player that came from the cache; null before any. */
  hitRate: number | null;
  bytesFromCache: number;
  bytesFromShare: number;
  fetchesInFlight: number;
  /** The chunk size (bytes) of the most recent fetch from a share. */
  lastFetchChunkBytes: number | null;
  /** First byte of a track (or of a seek) handed over by the media handler. */
  server: { firstByte: LatencyFigures; seek: LatencyFigures };
  /** Time to first audio and seek latency as the player measured them (cache.reportTiming). */
  player: { firstAudio: LatencyFigures; seek: LatencyFigures };
  offlineRoots: string[];
  /** Something the user should know: a full disk, a cache too small, a share away. */
  warning: string | null;
}

export type RepeatMode = 'off' | 'all' | 'one';

/** The longest play queue the player keeps (and restores). */
export const MAX_QUEUE = 10_000;

/** What the player keeps across a restart: the queue (track ids, play order), where it was, how. */
export interface PlaybackState {
  trackIds: number[];
  /** The order before shuffling, as indexes into trackIds; null when the queue is not shuffled. */
  unshuffled: number[] | null;
  index: number;
  positionS: number;
  shuffle: boolean;
  repeat: RepeatMode;
  volume: number;
  muted: boolean;
}

export interface PlayStats {
  trackId: number;
  playCount: number;
  skipCount: number;
  lastPlayedAt: number | null;
}

/** A folder in the playlist sidebar; folders nest (parentId) and keep the order they were put in. */
export interface PlaylistFolder {
  id: number;
  name: string;
  parentId: number | null;
  position: number;
  playlistCount: number;
}

export interface PlaylistSummary {
  id: number;
  name: string;
  folderId: number | null;
  position: number;
  createdAt: number;
  updatedAt: number;
  /** A smart playlist's query (the search box's language); null for a list of entries. */
  smartQuery: string | null;
  entryCount: number;
  /** Entries whose track is gone from the catalog or missing on disk. */
  missingCount: number;
  durationS: number;
}

/** present: playable; offline: its library folder is away; missing: the file or the whole track is gone. */
export type EntryState = 'present' | 'offline' | 'missing';

/**
 * One entry of a playlist, in order. The same track may be in a playlist more than once, so an
 * entry has an id of its own. Without a track (purged, or imported and never matched) it shows
 * what it remembers: the path and tags it was made from.
 */
export interface PlaylistEntryRow {
  entryId: number;
  trackId: number | null;
  state: EntryState;
  path: string;
  title: string | null;
  artist: string | null;
  album: string | null;
  durationS: number | null;
  /** The track's row when there is one (state present, offline, or missing on disk). */
  track: TrackRow | null;
}

export interface PlaylistPage {
  playlist: PlaylistSummary;
  entries: PlaylistEntryRow[];
}

export interface PlaylistsChanged {
  /** The library version the change committed at. */
  version: number;
  /** Playlists whose name, place or entries changed (created, deleted and restored ones too). */
  playlistIds: number[];
  /** Folders changed, or playlists moved between them: the sidebar reloads its tree. */
  tree: boolean;
}

export type PlaylistFileFormat = 'm3u8' | 'pls' | 'xspf';

export interface PlaylistImport {
  playlist: PlaylistSummary;
  format: 'm3u' | 'pls' | 'xspf';
  encoding: string;
  matched: { path: number; tail: number; tags: number };
  /** Kept as missing entries, matched later by path when a scan adds the file. */
  unmatched: number;
}
