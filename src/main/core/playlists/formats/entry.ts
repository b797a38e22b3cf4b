// What a playlist file says about one track. Nothing here is resolved: the caller turns the
// location into a path (location.ts) and matches it against the catalog later.

export interface PlaylistEntry {
  /** As written in the file: a path of any platform, a file:// URI or a URL. */
  location: string;
  title?: string;
  artist?: string;
  album?: string;
  durationS?: number;
}

export type PlaylistFormat = 'm3u' | 'pls' | 'xspf';

/** Whose path rules apply; passed in rather than read from process so the functions stay pure. */
export type Platform = 'posix' | 'win32';

/** Where a playlist is being written: the folder its relative paths start from. */
export interface WriteTarget {
  dir: string;
  platform: Platform;
}
