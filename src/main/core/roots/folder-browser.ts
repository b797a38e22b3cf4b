// The folder browser of the browser host, where there is no OS dialog: a folder's subfolders
// and the places to start from. System folders are never offered, so a click cannot make
// /usr a library folder.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { BrowsePlace, FolderListing } from '../../../shared/domain.ts';
import { describeError, errorCode, errorMessage } from '../../../shared/error-text.ts';
import { TonearmError } from '../../../shared/result.ts';
import { isNetworkFsType, readMountTable, type Mount } from './mount-table.ts';
import { isSystemFolder } from './root-paths.ts';
import { userPath } from './user-path.ts';

/** A folder of more subfolders than this is listed in part (the dialog says so). */
const MAX_FOLDERS = 5000;
/** Where removable media and shares are mounted on Linux and macOS. */
const MEDIA_PARENTS = ['/media/', '/mnt/', '/run/media/', '/Volumes/'];
/** Folders at `/` a music library is often kept in (a NAS, a container's volume). */
const TOP_MUSIC = /^(music|musik|musique|audio|media|mp3|flac)$/i;

const offered = (path: string, name: string) => !name.startsWith('.') && name !== 'lost+found' && !isSystemFolder(path);

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function mountPlaces(mounts: Mount[]): BrowsePlace[] {
  return mounts
    .filter((mount) => {
      if (isSystemFolder(mount.mountPoint)) return false;
      const network = isNetworkFsType(mount.fsType);
      return network || MEDIA_PARENTS.some((parent) => mount.mountPoint.startsWith(parent));
    })
    .map((mount) => ({
      label: basename(mount.mountPoint),
      path: mount.mountPoint,
      kind: isNetworkFsType(mount.fsType) ? 'share' : 'media',
    }));
}

async function topMusicFolders(): Promise<BrowsePlace[]> {
  try {
    const entries = await readdir('/', { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory() && TOP_MUSIC.test(entry.name))
      .map((entry) => ({ label: `/${entry.name}`, path: `/${entry.name}`, kind: 'music' }));
  } catch {
    return [];
  }
}

/** The user's home, mounted media and shares, and music folders at `/`: each once, each there. */
export async function browsePlaces(home = homedir(), mounts?: Mount[]): Promise<BrowsePlace[]> {
  const candidates: BrowsePlace[] = [
    { label: 'Home', path: home, kind: 'home' },
    ...mountPlaces(mounts ?? (await readMountTable())),
    ...(await topMusicFolders()),
  ];
  const seen = new Set<string>();
  const places: BrowsePlace[] = [];
  for (const place of candidates) {
    if (seen.has(place.path) || !(await isFolder(place.path))) continue;
    seen.add(place.path);
    places.push(place);
  }
  return places;
}

async function subfolders(folder: string, entries: Dirent[]): Promise<string[]> {
  const names: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (!offered(path, entry.name)) continue;
    // A link is followed only to learn whether it is a folder: a share mounted elsewhere often is.
    if (entry.isDirectory() || (entry.isSymbolicLink() && (await isFolder(path)))) names.push(entry.name);
  }
  return names.sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' }));
}

/** The subfolders of `typed` (`~` expanded), or only the places to start from when none is given. */
export async function browseFolder(typed: string | undefined, home = homedir()): Promise<FolderListing> {
  const places = await browsePlaces(home);
  if (typed === undefined) return { path: null, parent: null, folders: [], truncated: false, canAdd: false, places };
  const path = userPath(typed, home);
  let real: string;
  let entries: Dirent[];
  try {
    real = await realpath(path);
    entries = await readdir(real, { withFileTypes: true });
  } catch (err) {
    const why =
      errorCode(err) === 'ENOTDIR'
        ? `${path} is a file, not a folder`
        : (describeError(err, { path })?.reason ?? errorMessage(err));
    throw new TonearmError('FILE_UNREADABLE', `Cannot open ${path}: ${why}`);
  }
  const names = await subfolders(real, entries);
  const parent = dirname(real) === real ? null : dirname(real);
  return {
    path: real,
    parent,
    folders: names.slice(0, MAX_FOLDERS).map((name) => ({ name, path: join(real, name) })),
    truncated: names.length > MAX_FOLDERS,
    canAdd: !isSystemFolder(real),
    places,
  };
}
