// Inventory, step 1 of the pipeline: find every audio file under a root and stat it.
// Local disks: synchronous calls in a worker thread (nothing is faster). Network shares:
// many requests in flight, since each one waits a round trip, and the first sign that the
// share is gone stops the walk (an offline share answers each request only after seconds).
import { readdirSync, realpathSync, statSync, type Dirent, type BigIntStats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { sep } from 'node:path';
import { AUDIO_EXTENSIONS } from '../media/content-type.ts';
import { shareAnswers } from './share-liveness.ts';
import { isShareGone } from '../../common/share-errors.ts';
import { errorCode, errorMessage } from '../../../shared/error-text.ts';

/** A share with requests in flight and no answer for this long gets a liveness probe. */
export const STALL_MS = 3000;

export interface FileStat {
  path: string;
  size: number;
  mtimeNs: bigint;
}

export type WalkResult =
  | { ok: true; files: FileStat[]; folderCovers: Map<string, string>; unreadableFolders: string[] }
  | { ok: false; reason: string };

/** Folders a NAS or an OS fills with things that are not music. */
const SKIPPED_FOLDERS = new Set([
  '@eaDir',
  '#recycle',
  '#snapshot',
  '$RECYCLE.BIN',
  'System Volume Information',
  'lost+found',
]);
const COVER_NAMES = ['cover', 'folder', 'front', 'album', 'albumart'];
const COVER_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png']);

/** path.join normalises, which costs more than the whole stat on a big walk; names from readdir need none. */
const childPath = (dir: string, name: string): string => (dir.endsWith(sep) ? dir + name : dir + sep + name);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

export function isAudioFileName(name: string): boolean {
  return !name.startsWith('._') && AUDIO_EXTENSIONS.has(extensionOf(name));
}

/** Which image beside the tracks is the album's cover: cover > folder > front > album… */
function coverRank(name: string): number {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || !COVER_EXTENSIONS.has(name.slice(dot).toLowerCase())) return -1;
  const rank = COVER_NAMES.indexOf(name.slice(0, dot).toLowerCase());
  return rank < 0 ? -1 : COVER_NAMES.length - rank;
}

interface FolderListing {
  audio: string[];
  folders: { path: string; symlink: boolean }[];
  cover: string | null;
}

function classify(
  dir: string,
  entries: Dirent[],
  isDir: (entry: Dirent) => boolean,
  isFile: (entry: Dirent) => boolean,
): FolderListing {
  const listing: FolderListing = { audio: [], folders: [], cover: null };
  let bestCover = -1;
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith('.')) continue;
    if (isDir(entry)) {
      if (!SKIPPED_FOLDERS.has(name))
        listing.folders.push({ path: childPath(dir, name), symlink: entry.isSymbolicLink() });
    } else if (isFile(entry)) {
      if (isAudioFileName(name)) listing.audio.push(childPath(dir, name));
      else {
        const rank = coverRank(name);
        if (rank > bestCover) {
          bestCover = rank;
          listing.cover = childPath(dir, name);
        }
      }
    }
  }
  return listing;
}

/** The best cover image in a folder, if any (for a file scanned on its own). */
export function folderCoverOf(dir: string): string | null {
  try {
    const entries = readdirSync(dir, { withFileTypes: true });
    return classify(
      dir,
      entries,
      () => false,
      (entry) => entry.isFile(),
    ).cover;
  } catch {
    return null;
  }
}

/** Symlinks are followed: a symlinked folder or file counts as what it points to. */
const followDir = (dir: string) => (entry: Dirent) =>
  entry.isDirectory() ||
  (entry.isSymbolicLink() && !!statSync(childPath(dir, entry.name), { throwIfNoEntry: false })?.isDirectory());
const followFile = (dir: string) => (entry: Dirent) =>
  entry.isFile() ||
  (entry.isSymbolicLink() && !!statSync(childPath(dir, entry.name), { throwIfNoEntry: false })?.isFile());

const toFileStat = (path: string, info: BigIntStats): FileStat => ({
  path,
  size: Number(info.size),
  mtimeNs: info.mtimeNs,
});

export interface LocalWalkOptions {
  /** Walk these folders of the root instead of the root itself (another thread has the rest). */
  start?: string[];
  /** Folders not to go into (another thread walks them). */
  skip?: ReadonlySet<string>;
}

export function walkLocal(
  root: string,
  onProgress?: (filesSeen: number) => void,
  options: LocalWalkOptions = {},
): WalkResult {
  const files: FileStat[] = [];
  const folderCovers = new Map<string, string>();
  const unreadableFolders: string[] = [];
  const visited = new Set<string>();
  const stack = options.start ? [...options.start] : [root];
  let reported = 0;
  try {
    if (!options.start) readdirSync(root);
  } catch (err) {
    return { ok: false, reason: `Cannot read ${root}: ${errorMessage(err)}` };
  }
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      unreadableFolders.push(dir);
      continue;
    }
    const listing = classify(dir, entries, followDir(dir), followFile(dir));
    if (listing.cover && listing.audio.length > 0) folderCovers.set(dir, listing.cover);
    for (const path of listing.audio) {
      const info = statSync(path, { bigint: true, throwIfNoEntry: false });
      if (info?.isFile()) files.push(toFileStat(path, info));
    }
    for (const folder of listing.folders) {
      // Only a symlink can lead back into a folder already walked.
      if (folder.symlink) {
        const real = realpathSync.native(folder.path);
        if (visited.has(real) || real === root || real.startsWith(`${root}/`)) continue;
        visited.add(real);
      }
      if (!options.skip?.has(folder.path)) stack.push(folder.path);
    }
    if (onProgress && files.length - reported >= 2048) onProgress((reported = files.length));
  }
  return { ok: true, files, folderCovers, unreadableFolders };
}

/** Runs `task` over `items` with at most `limit` in flight; stops early once `signal` aborts. */
async function pool<T>(
  items: T[],
  limit: number,
  signal: AbortSignal,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const run = async () => {
    while (next < items.length && !signal.aborted) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
}

export async function walkNetwork(
  root: string,
  concurrency: number,
  onProgress?: (filesSeen: number) => void,
): Promise<WalkResult> {
  const files: FileStat[] = [];
  const folderCovers = new Map<string, string>();
  const unreadableFolders: string[] = [];
  const stop = new AbortController();
  let failure: string | null = null;
  let gaveUp!: () => void;
  const stopped = new Promise<void>((resolve) => (gaveUp = resolve));
  const giveUp = (reason: string) => {
    failure ??= reason;
    stop.abort();
    gaveUp();
  };
  const networkFailure = (err: unknown) =>
    giveUp(`The share stopped answering (${errorCode(err) ?? errorMessage(err)})`);
  let lastAnswerAt = Date.now();

  const visitFolder = async (dir: string): Promise<FolderListing['folders']> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
      lastAnswerAt = Date.now();
    } catch (err) {
      if (isShareGone(err)) networkFailure(err);
      else unreadableFolders.push(dir);
      return [];
    }
    // Symlinks on a share are rare and each costs a round trip: only real folders and files.
    const listing = classify(
      dir,
      entries,
      (e) => e.isDirectory(),
      (e) => e.isFile(),
    );
    if (listing.cover && listing.audio.length > 0) folderCovers.set(dir, listing.cover);
    await pool(listing.audio, concurrency, stop.signal, async (path) => {
      try {
        const info = await stat(path, { bigint: true });
        lastAnswerAt = Date.now();
        if (info.isFile()) files.push(toFileStat(path, info));
      } catch (err) {
        if (isShareGone(err)) networkFailure(err);
      }
    });
    onProgress?.(files.length);
    return listing.folders;
  };

  const walk = async () => {
    // Breadth first, a whole level of folders in flight at once.
    let level = [root];
    while (level.length > 0 && !stop.signal.aborted) {
      const nextLevel: string[] = [];
      await pool(level, concurrency, stop.signal, async (dir) => {
        for (const folder of await visitFolder(dir)) nextLevel.push(folder.path);
      });
      level = nextLevel;
    }
  };

  // An offline share fails each request only after seconds, and answers what it cached as if
  // it were there: when it goes quiet, ask it something no cache knows, and stop if it is gone.
  let probing = false;
  const stallWatch = setInterval(() => {
    if (probing || Date.now() - lastAnswerAt < STALL_MS) return;
    probing = true;
    void shareAnswers(root)
      .then((answered) => (answered ? (lastAnswerAt = Date.now()) : giveUp('The share stopped answering')))
      .finally(() => (probing = false));
  }, 1000);
  try {
    try {
      await Promise.race([readdir(root), stopped]);
    } catch (err) {
      return { ok: false, reason: `Cannot read ${root}: ${errorCode(err) ?? errorMessage(err)}` };
    }
    await Promise.race([walk(), stopped]);
  } finally {
    clearInterval(stallWatch);
  }
  if (failure) return { ok: false, reason: failure };
  return { ok: true, files, folderCovers, unreadableFolders };
}
