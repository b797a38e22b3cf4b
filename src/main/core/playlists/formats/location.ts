// An entry's location, as written, to something the catalog can be asked about. Playlists
// travel between machines, so a location may follow another platform's rules than the one
// reading it: a Windows path read on Linux cannot be opened, only matched by the end of its path
// against the library (which was most likely moved, folders and all, from that Windows machine).

import { posix, win32 } from 'node:path';
import type { Platform } from './entry.ts';
import { fileUriToPath, isFileUri, percentDecode } from './file-uri.ts';

export type ResolvedLocation =
  | { kind: 'file'; path: string }
  /** A path of another platform: `path` as written there, `tail` its segments below the root, joined by "/". */
  | { kind: 'foreign'; path: string; tail: string }
  | { kind: 'url'; url: string }
  | { kind: 'empty' };

export interface LocationBase {
  /** The folder of the playlist file, absolute, in the reading platform's form. */
  dir: string;
  platform: Platform;
  /** XSPF locations are URI references: a relative one is percent-encoded. M3U and PLS hold plain paths, where "%" is a character. */
  uriReference?: boolean;
}

// Two letters at least, so that "C://x" is not taken for a scheme.
const otherScheme = /^[a-z][a-z0-9+.-]+:\/\//i;
const windowsRooted = /^(?:[a-z]:|\\)/i;

export function resolveLocation(location: string, base: LocationBase): ResolvedLocation {
  const written = location.trim();
  if (!written) return { kind: 'empty' };
  if (!isFileUri(written) && otherScheme.test(written)) return { kind: 'url', url: written };
  const path = isFileUri(written) ? fileUriToPath(written) : base.uriReference ? percentDecode(written) : written;
  if (base.platform === 'win32') return { kind: 'file', path: win32.resolve(base.dir, path) };
  if (windowsRooted.test(path)) return foreign(path);
  // A relative path written on Windows: a backslash in a Linux file name is rare enough, and
  // playlists from Windows common enough, that it is read as a separator.
  return { kind: 'file', path: posix.resolve(base.dir, path.replace(/\\/g, '/')) };
}

function foreign(path: string): ResolvedLocation {
  const normalized = win32.normalize(path);
  // The root is a drive ("C:\", or "C:" alone for a drive-relative path), a UNC share ("\\server\share\") or a bare "\".
  const root = /^(?:\\\\[^\\]+\\[^\\]+|[a-z]:)?\\?/i.exec(normalized)![0];
  const tail = normalized
    .slice(root.length)
    .split('\\')
    .filter((segment) => segment && segment !== '.')
    .join('/');
  return { kind: 'foreign', path: normalized, tail };
}
