// A local walk is one stat per file; on two cores, two threads walking halves of the tree
// finish a rescan of an unchanged library in a little more than half the time. The second
// thread is started once and kept.
import { readdirSync } from 'node:fs';
import { openThread, Transfer, serveThread, type ThreadChannel } from '../threads/channel.ts';
import { packFiles, transferables, unpackFiles } from './pack-files.ts';
import { walkLocal, type WalkResult } from './walk.ts';
import { errorMessage } from '../../../shared/error-text.ts';

const walkHelper = {
  walk(root: string, start: string[]) {
    const walk = walkLocal(root, undefined, { start });
    if (!walk.ok) return walk;
    const files = packFiles(walk.files);
    const result = {
      ok: true as const,
      files,
      folderCovers: [...walk.folderCovers],
      unreadable: walk.unreadableFolders,
    };
    return new Transfer(result, transferables(files));
  },
};
export type WalkHelperApi = typeof walkHelper;

/** Inside the helper thread. */
export function runWalkWorker(): void {
  serveThread(walkHelper);
}

const MIN_FOLDERS_TO_SPLIT = 8;

export class SplitWalker {
  private readonly helper: ThreadChannel<WalkHelperApi>;

  constructor(entry: string) {
    this.helper = openThread<WalkHelperApi>(entry, { thread: 'walk' });
    this.helper.ref(false);
  }

  async walk(root: string, onProgress: (filesSeen: number) => void): Promise<WalkResult> {
    let folders: string[];
    try {
      folders = readdirSync(root, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => `${root}/${entry.name}`);
    } catch (err) {
      return { ok: false, reason: `Cannot read ${root}: ${errorMessage(err)}` };
    }
    if (folders.length < MIN_FOLDERS_TO_SPLIT || process.platform === 'win32') return walkLocal(root, onProgress);
    const theirs = folders.filter((_, i) => i % 2 === 1);
    // A helper that fails or dies costs time, not the walk: its half is walked here instead.
    const away = this.helper.remote
      .walk(root, theirs)
      .catch((err: Error) => ({ ok: false as const, reason: err.message }));
    const mine = walkLocal(root, onProgress, { skip: new Set(theirs) });
    const other = await away;
    if (!mine.ok) return mine;
    if (!other.ok) return walkLocal(root, onProgress);
    for (const file of unpackFiles(other.files)) mine.files.push(file);
    for (const [folder, cover] of other.folderCovers) mine.folderCovers.set(folder, cover);
    mine.unreadableFolders.push(...other.unreadable);
    return mine;
  }

  stop(): void {
    void this.helper.dispose();
  }
}
