// One local root watched a folder at a time: an inotify watch per folder reports what changes
// among its entries, which is all the scanner needs (it is given paths, and a folder path
// covers what is under it). chokidar watched every file besides (a handle and a stat each):
// at 250,000 tracks that was ≈700 MB and ten seconds of the main thread at every start, and
// more watches than Linux allows by default. The walk is asynchronous and yields between
// folders, so a start serves its first window while the watches are still being set.
import { watch, type FSWatcher } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { isAudioFileName } from '../scanner/walk.ts';
import { errorCode } from '../../../shared/error-text.ts';

const SLICE_MS = 20;
export const IMAGE = /\.(jpe?g|png)$/i;
export const SKIPPED = /(^|[/\\])(\.|@eaDir|#recycle|#snapshot|\$RECYCLE\.BIN)/;

export interface FolderWatchEvents {
  /** A file or folder that appeared, changed or went away. */
  changed(path: string): void;
  /** Watching (part of) the root failed; the periodic and manual rescans remain. */
  failed(err: Error): void;
}

export class FolderWatch {
  private readonly root: string;
  private readonly events: FolderWatchEvents;
  private readonly watches = new Map<string, FSWatcher>();
  /** Where symlinked folders lead: one that leads back into the walk is not walked again. */
  private readonly linked = new Set<string>();
  private closed = false;
  private limitReached = false;
  /** Settles once every folder under the root at the start is watched. */
  readonly ready: Promise<void>;

  constructor(root: string, events: FolderWatchEvents) {
    this.root = root;
    this.events = events;
    this.ready = this.walk(root);
  }

  get folders(): number {
    return this.watches.size;
  }

  close(): void {
    this.closed = true;
    for (const watcher of this.watches.values()) watcher.close();
    this.watches.clear();
  }

  /**
   * Watches `top` and every folder under it, one folder listing at a time, pausing as long as
   * it worked every SLICE_MS: at most half of a core, so that what a user does meanwhile (a
   * sort, a search, in the views thread) comes first on a machine with two.
   */
  private async walk(top: string): Promise<void> {
    const queue = [top];
    let sliceStart = performance.now();
    while (queue.length > 0 && !this.closed) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, SLICE_MS));
        sliceStart = performance.now();
      }
      const dir = queue.pop()!;
      if (!this.add(dir)) continue;
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        continue; // gone or unreadable since: its own watch reports it
      }
      for (const entry of entries) {
        if (SKIPPED.test(entry.name)) continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) queue.push(path);
        else if (entry.isSymbolicLink() && (await this.isNewFolder(path))) queue.push(path);
      }
    }
  }

  private async isNewFolder(link: string): Promise<boolean> {
    if (!(await isFolder(link))) return false;
    const real = await realpath(link).catch(() => link);
    if (this.watches.has(real) || this.linked.has(real)) return false;
    this.linked.add(real);
    return true;
  }

  private add(dir: string): boolean {
    if (this.closed || this.limitReached || this.watches.has(dir)) return false;
    try {
      // Not persistent: watching alone never keeps the process alive.
      const watcher = watch(dir, { persistent: false }, (_event, name) => {
        if (name) void this.entryChanged(dir, String(name));
        else this.events.changed(dir);
      });
      watcher.on('error', () => this.forget(dir));
      this.watches.set(dir, watcher);
      return true;
    } catch (err) {
      if (errorCode(err) === 'ENOSPC') {
        this.limitReached = true;
        this.events.failed(new Error(`the system's limit on watched folders was reached at ${this.watches.size}`));
      }
      return false;
    }
  }

  private async entryChanged(dir: string, name: string): Promise<void> {
    if (this.closed || SKIPPED.test(name)) return;
    const path = join(dir, name);
    if (isAudioFileName(name)) return this.events.changed(path);
    // A cover image changing concerns the tracks beside it: their folder is rescanned.
    if (IMAGE.test(name)) return this.events.changed(dir);
    if (await isFolder(path)) {
      if (this.watches.has(path)) return;
      this.events.changed(path);
      await this.walk(path);
    } else if (this.watches.has(path)) {
      this.forget(path);
      this.events.changed(path);
    }
  }

  /** A folder that went away: its watch and those under it. */
  private forget(dir: string): void {
    const prefix = dir + sep;
    for (const [path, watcher] of this.watches) {
      if (path !== dir && !path.startsWith(prefix)) continue;
      watcher.close();
      this.watches.delete(path);
    }
    if (dir === this.root && !this.closed) this.events.failed(new Error(`${dir} is no longer there`));
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
