// Keeps the catalog in step with the disk between scans. Local roots: a watch per folder
// (folder-watch.ts), its events gathered for a moment and fed to the scanner as paths, so only
// what changed is looked at. Network roots, where native events do not arrive (chokidar#970) and polling
// every file pins a CPU (chokidar#1057): by default a periodic rescan, which costs a walk
// and nothing else when nothing changed; polling only if the user asks for it.
import { watch, type FSWatcher } from 'chokidar';
import { basename } from 'node:path';
import type { Catalog } from '../catalog/index.ts';
import type { RootRecord } from '../catalog/roots.ts';
import type { Scanner, ScanRequest } from '../scanner/scanner.ts';
import { isAudioFileName } from '../scanner/walk.ts';
import type { SettingsService } from '../settings-service.ts';
import { log } from '../log.ts';
import { FolderWatch, IMAGE, SKIPPED } from './folder-watch.ts';
import { errorMessage } from '../../../shared/error-text.ts';

const SETTLE_MS = 1000;

export interface WatcherDeps {
  catalog: Catalog;
  scanner: Scanner;
  settings: SettingsService;
}

export class LibraryWatcher {
  private readonly deps: WatcherDeps;
  private readonly watchers = new Map<number, { key: string; watcher: FSWatcher | FolderWatch }>();
  private readonly pending = new Set<string>();
  private flushTimer: NodeJS.Timeout | null = null;
  private periodicTimer: NodeJS.Timeout | null = null;
  private periodicEveryMs = 0;
  private disposed = false;
  private startTimer: NodeJS.Timeout | null = null;
  private started: Promise<void> = Promise.resolve();
  private cancelStart: () => void = () => {};

  constructor(deps: WatcherDeps) {
    this.deps = deps;
  }

  /**
   * The first sync, `delayMs` from now: at 250,000 tracks setting the watches is two seconds of
   * CPU, which a start should not spend while the first windows are being served.
   */
  start(delayMs: number): void {
    this.started = new Promise((resolve) => {
      this.startTimer = setTimeout(() => {
        this.startTimer = null;
        this.sync();
        resolve();
      }, delayMs);
      this.startTimer.unref();
      this.cancelStart = resolve;
    });
  }

  /** Brings the watchers in line with the roots and settings; call whenever either changes. */
  sync(): void {
    if (this.disposed || this.startTimer) return;
    const { catalog, settings } = this.deps;
    const mode = settings.get('watch.networkMode');
    const wanted = new Map<number, { root: RootRecord; polling: boolean }>();
    for (const root of catalog.roots.list()) {
      if (!root.watch || !root.online) continue;
      if (root.kind === 'local' && settings.get('watch.local')) wanted.set(root.id, { root, polling: false });
      if (root.kind === 'network' && mode === 'poll') wanted.set(root.id, { root, polling: true });
    }
    for (const [id, entry] of this.watchers) {
      const want = wanted.get(id);
      if (!want || entry.key !== `${want.root.path}|${want.polling}`) {
        void entry.watcher.close();
        this.watchers.delete(id);
      }
    }
    for (const [id, { root, polling }] of wanted) {
      if (!this.watchers.has(id))
        this.watchers.set(id, { key: `${root.path}|${polling}`, watcher: this.watchRoot(root, polling) });
    }
    this.schedulePeriodic(mode === 'periodic' ? settings.get('watch.networkIntervalMinutes') * 60_000 : 0);
  }

  dispose(): void {
    this.disposed = true;
    if (this.startTimer) clearTimeout(this.startTimer);
    this.cancelStart();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.periodicTimer) clearInterval(this.periodicTimer);
    for (const { watcher } of this.watchers.values()) void watcher.close();
    this.watchers.clear();
  }

  /** Settles once the folders present at the start are watched: for tests and diagnostics. */
  async ready(): Promise<void> {
    await this.started;
    await Promise.all(
      [...this.watchers.values()].map(({ watcher }) => (watcher instanceof FolderWatch ? watcher.ready : undefined)),
    );
  }

  private watchRoot(root: RootRecord, polling: boolean): FSWatcher | FolderWatch {
    if (!polling)
      return new FolderWatch(root.path, {
        changed: (path) => this.changed(path),
        failed: (err) => log.warn(`tonearm: watching ${root.path} failed:`, err.message),
      });
    const watcher = watch(root.path, {
      ignoreInitial: true,
      backend: 'polling',
      pollingInterval: 60_000,
      pollingBinaryInterval: 60_000,
      awaitWriteFinish: { stabilityThreshold: 500, pollInterval: 100 },
      ignored: (path, stats) =>
        SKIPPED.test(path) || (!!stats?.isFile() && !isAudioFileName(basename(path)) && !IMAGE.test(path)),
    });
    const changed = (path: string) => this.changed(path);
    watcher
      .on('add', changed)
      .on('change', changed)
      .on('unlink', changed)
      .on('addDir', changed)
      .on('unlinkDir', changed);
    // A watch that fails (too many folders for inotify, a permission) leaves the periodic
    // and manual rescans to do the work; it must not take the app down.
    watcher.on('error', (err) => log.warn(`tonearm: watching ${root.path} failed:`, errorMessage(err)));
    return watcher;
  }

  private changed(path: string): void {
    // A cover image changing concerns the tracks beside it: rescan its folder's files.
    this.pending.add(IMAGE.test(path) ? path.slice(0, path.length - basename(path).length - 1) : path);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => this.flush(), SETTLE_MS);
  }

  private flush(): void {
    this.flushTimer = null;
    if (this.pending.size === 0 || this.disposed) return;
    if (this.deps.scanner.status()) {
      // A scan is running: look again once it is over.
      void this.deps.scanner.idle().then(() => this.flush());
      return;
    }
    const request: ScanRequest = { paths: [...this.pending] };
    this.pending.clear();
    // The scanner logs a failed scan.
    this.deps.scanner.start(request).done.catch(() => {});
  }

  private schedulePeriodic(everyMs: number): void {
    if (everyMs === this.periodicEveryMs) return;
    this.periodicEveryMs = everyMs;
    if (this.periodicTimer) clearInterval(this.periodicTimer);
    this.periodicTimer = null;
    if (everyMs <= 0) return;
    this.periodicTimer = setInterval(() => {
      const { catalog, scanner } = this.deps;
      const rootIds = catalog.roots
        .list()
        .filter((root) => root.kind === 'network' && root.watch)
        .map((root) => root.id);
      if (rootIds.length > 0 && !scanner.status()) scanner.start({ rootIds }).done.catch(() => {});
    }, everyMs);
    this.periodicTimer.unref();
  }
}
