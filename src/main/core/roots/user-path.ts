// A folder path as a person types it: `~` is their home (a shell would expand it; a text
// field does not), and a relative path is refused, since it would resolve against the
// folder the server was started in, which the user never sees.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { TonearmError } from '../../../shared/result.ts';

export function expandHome(path: string, home = homedir()): string {
  if (path === '~') return home;
  if (path.startsWith('~/') || path.startsWith('~\\')) return join(home, path.slice(2));
  return path;
}

/** The absolute path meant, or a BAD_INPUT that says how to write one. */
export function userPath(typed: string, home = homedir()): string {
  const path = expandHome(typed.trim(), home);
  if (!isAbsolute(path)) {
    throw new TonearmError(
      'BAD_INPUT',
      `${typed} is not a full path: give the folder's whole path, starting with / (or ~ for your home folder)`,
    );
  }
  return path;
}
