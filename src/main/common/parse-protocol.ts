// Messages between the parser host (main process) and the parser process, and what a parse yields.
import type { ParsedColumns } from './track-columns.ts';

export interface ParseRequestFile {
  path: string;
  /** Which parse job asked (set by the host): a late result of an abandoned job is told apart. */
  job?: number;
  size: number;
  /** Network files are read with many requests in flight; local ones one at a time per core. */
  network: boolean;
  /** An image beside the file (cover.jpg, folder.png…) to use when none is embedded. */
  folderCover: string | null;
}

export interface CoverInfo {
  hash: string;
  mime: string;
  width: number | null;
  height: number | null;
  bytes: number;
  source: 'embedded' | 'file';
}

/** What a parse yields: the tags of the track's columns, and what the writer makes rows of. */
export interface ParsedTrack extends ParsedColumns {
  artists: string[];
  genres: string[];
  cover: CoverInfo | null;
  gaplessDelay: number | null;
  gaplessPadding: number | null;
}

/**
 * Why a parse failed: `format` is the file's fault (a scan error row); `io` means the file
 * could not be read (on a share: maybe the share is gone); `timeout` and `crash` are the
 * parser's watchdog at work.
 */
export type ParseFailure = 'format' | 'io' | 'gone' | 'timeout' | 'crash';

export type ParseResult = { path: string; job?: number } & (
  | { ok: true; identity: string; track: ParsedTrack }
  | { ok: false; identity: string | null; error: string; failure: ParseFailure }
);

export interface ParserConfig {
  coversDir: string;
  workers: number;
  /** A parse that takes longer is killed, its worker replaced, and the file reported. */
  timeoutMs: number;
  /** Files parsed at once per worker on network roots, where each read waits on a round trip. */
  networkConcurrency: number;
}

export type ToParser =
  | { type: 'init'; config: ParserConfig }
  | { type: 'parse'; files: ParseRequestFile[] }
  /** Drops queued files under this folder (all of them without one). */
  | { type: 'cancel'; prefix?: string }
  /** Finish nothing more; stop the threads and exit. */
  | { type: 'shutdown' };

export type FromParser =
  { type: 'ready'; workers: number } | { type: 'results'; results: ParseResult[] } | { type: 'idle' };
