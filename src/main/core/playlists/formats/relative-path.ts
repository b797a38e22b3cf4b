// How the writers name a track: relative to the playlist's folder when the track sits under it,
// so that the playlist moves along with its music (a USB stick, a synced folder); absolute
// otherwise, since "../../" paths break as soon as either side moves. URLs stay as they are.

import { posix, win32 } from 'node:path';
import type { Platform } from './entry.ts';
import { hasScheme } from './file-uri.ts';

export function locationForWriting(location: string, dir: string, platform: Platform): string {
  const path = platform === 'win32' ? win32 : posix;
  if (hasScheme(location) || !path.isAbsolute(location)) return location;
  const relative = path.relative(dir, location);
  const under = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return under ? relative : location;
}
