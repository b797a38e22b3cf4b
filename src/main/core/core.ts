// The engine, composed: one catalog, one event bus, the media router, the parser and the
// scanner. Plain Node: the Electron shell, the headless host and the CLI all stand on this.
import { availableParallelism } from 'node:os';
import { realpathSync, statSync } from 'node:fs';
import type { Root } from '../../shared/domain.ts';
import { describeError, errorMessage } from '../../shared/error-text.ts';
import { TonearmError } from '../../shared/result.ts';
import { ChunkCache } from './cache/chunk-cache.ts';
import { openCatalog, type Catalog } from './catalog/index.ts';
import { BackupSchedule } from './catalog/backup-schedule.ts';
import { checkIsDue, markClosed, markOpen } from './catalog/check-marker.ts';
import { CatalogWriter } from './catalog/writer-thread.ts';
import { EventBus } from './events/bus.ts';
import { MediaRouter } from './media/router.ts';
import { ParserHost } from './parser-host/parser-host.ts';
import { childProcessParser, type SpawnParser } from './parser-host/transport.ts';
import { forkProcess, type SpawnProcess } from './threads/child-process.ts';
import { dataPaths, type DataPaths } from './paths.ts';
import { detectRootKind, readMountTable } from './roots/mount-table.ts';
import { isInside, isSystemFolder } from './roots/root-paths.ts';
import { RootStatus } from './roots/root-status.ts';
import { Scanner } from './scanner/scanner.ts';
import { Views } from './views/index.ts';
import { TagEditor } from './tags/tag-editor.ts';
import { SettingsService } from './settings-service.ts';
import { Similarity } from './similarity/similarity.ts';
import type { BatteryProbe } from './similarity/power.ts';
import { LibraryWatcher } from './watcher/library-watcher.ts';
import { log } from './log.ts';
import { userPath } from './roots/user-path.ts';

/**
 * What a start does not need for its first windows comes this long after it: the parser
 * process and the library's watches (at 250,000 tracks, seconds of CPU on a busy machine).
 */
const BACKGROUND_AFTER_MS = 3000;
/** The background analysis waits a little longer: the first windows need the CPU more. */
const ANALYSIS_AFTER_MS = 5000;
const MAIN_CACHE_KIB = 2000;
/** The day's backup (a copy of the whole catalog) waits longer: a start is often followed by browsing. */
const BACKUP_AFTER_MS = 60_000;

export interface CoreOptions {
  /** The catalog file; defaults to the desktop app's. */
  dbPath?: string;
  host: 'electron' | 'browser';
  version: string;
  /** The parser bundle's entry (src/main/parser/index.ts from source, out/main/parser.js built). */
  parserEntry: string;
  /** How to start a process of the bundle (the parser, the analysis); a Node child unless the shell says otherwise. */
  spawnProcess?: SpawnProcess;
  /** How to start the parser process, if not by spawnProcess (tests). */
  spawnParser?: SpawnParser;
  /** Parser threads; default one per core. */
  workers?: number;
  /** The bus to announce on: a host that reopens the core after a restore keeps its listeners. */
  bus?: EventBus;
  /** A module to analyse audio with instead of similarity/features/ (tests, benches). */
  analyser?: string;
  /** Whether on battery (the shell: Electron's powerMonitor); by default what Linux's power_supply says. */
  onBattery?: BatteryProbe;
}

export class Core {
  readonly paths: DataPaths;
  readonly catalog: Catalog;
  readonly bus: EventBus;
  /** The catalog's one writer: every write, announced in commit order. */
  readonly writer: CatalogWriter;
  readonly roots: RootStatus;
  readonly settings: SettingsService;
  readonly cache: ChunkCache;
  readonly media: MediaRouter;
  readonly parser: ParserHost;
  readonly scanner: Scanner;
  readonly watcher: LibraryWatcher;
  readonly views: Views;
  readonly tags: TagEditor;
  readonly backups: BackupSchedule;
  readonly similarity: Similarity;
  readonly options: CoreOptions;
  private parserTimer: NodeJS.Timeout | null = null;

  constructor(options: CoreOptions) {
    this.options = options;
    this.paths = dataPaths(options.dbPath);
    this.bus = options.bus ?? new EventBus();
    // Every Core may write: a damaged catalog is refused here, before the writer opens it.
    const check = checkIsDue(this.paths.dbPath);
    this.catalog = openCatalog(this.paths.dbPath, { check });
    markOpen(this.paths.dbPath, check);
    // This connection reads little (roots, settings, a track's path) once the check has read
    // every page through it: a small cache, or the check's 16 MB of pages stay for good.
    this.catalog.db.pragma(`cache_size = -${MAIN_CACHE_KIB}`);
    this.writer = new CatalogWriter(options.parserEntry, this.paths.dbPath, (change) =>
      this.bus.emit('library.changed', change),
    );
    const writes = this.writer.write;
    this.roots = new RootStatus(this.catalog.roots, writes);
    this.settings = new SettingsService(this.catalog.settings, writes.saveSetting, this.bus);
    const setting = this.settings;
    this.cache = new ChunkCache({
      catalog: this.catalog,
      writes,
      bus: this.bus,
      dir: this.paths.cacheDir,
      threadEntry: options.parserEntry,
      reportRoot: (rootId, online, reason) => void this.roots.report(rootId, online, reason),
      config: () => ({
        chunkBytes: setting.get('cache.chunkSizeKB') * 1024,
        lookaheadChunks: setting.get('cache.lookaheadChunks'),
        backgroundFill: setting.get('cache.backgroundFill'),
        prefetchNext: setting.get('cache.prefetchNext'),
        maxBytes: setting.get('cache.maxSizeMB') * 1024 * 1024,
      }),
    });
    this.media = new MediaRouter(this.catalog, this.paths.coversDir, this.cache);
    const spawnProcess = options.spawnProcess ?? forkProcess;
    this.parser = new ParserHost(options.spawnParser ?? childProcessParser(options.parserEntry, [], spawnProcess), {
      coversDir: this.paths.coversDir,
      workers: options.workers ?? (setting.get('scan.workers') || Math.max(1, availableParallelism())),
      timeoutMs: setting.get('scan.parseTimeoutSeconds') * 1000,
      networkConcurrency: Math.max(1, Math.ceil(setting.get('scan.networkConcurrency') / 2)),
    });
    this.scanner = new Scanner({
      catalog: this.catalog,
      writes,
      rootStatus: this.roots,
      bus: this.bus,
      parser: this.parser,
      threadEntry: options.parserEntry,
      config: () => ({
        networkConcurrency: setting.get('scan.networkConcurrency'),
        purgeMissingAfterDays: setting.get('scan.purgeMissingAfterDays'),
        // A commit at most every 100 ms, so an import is seen arriving; up to 1,000 rows
        // each, since each commit rewrites the same index pages.
        batchSize: 1000,
        batchMs: 100,
      }),
    });
    this.watcher = new LibraryWatcher({ catalog: this.catalog, scanner: this.scanner, settings: this.settings });
    this.views = new Views(this.catalog, this.bus, options.parserEntry);
    this.tags = new TagEditor({
      catalog: this.catalog,
      writes,
      bus: this.bus,
      threadEntry: options.parserEntry,
      coversDir: this.paths.coversDir,
    });
    this.similarity = new Similarity({
      threadEntry: options.parserEntry,
      spawnProcess,
      dbPath: this.paths.dbPath,
      writes,
      settings: setting,
      bus: this.bus,
      analyser: options.analyser,
      onBattery: options.onBattery,
    });
    this.backups = new BackupSchedule(
      this.catalog.db,
      this.paths.dbPath,
      () => setting.get('catalog.backupsKept'),
      () => this.scanner.status() !== null,
    );
  }

  /**
   * What serving windows needs, started ahead of their first request: the views thread; a
   * moment later the parser process and (the app and the headless host, not a one-shot
   * command) the watchers.
   * The constructor starts nothing, so a command that needs less pays for less.
   */
  start(options: { watch: boolean }): void {
    this.views.start();
    this.parserTimer = setTimeout(() => void this.parser.start(), BACKGROUND_AFTER_MS);
    this.parserTimer.unref();
    void this.catchUpSearch();
    if (options.watch) {
      this.startWatching();
      this.backups.start(BACKUP_AFTER_MS);
      this.similarity.start(ANALYSIS_AFTER_MS);
    }
  }

  /**
   * An import that crashed may have left tracks the search index has not seen: the writer
   * indexes them (and announces it, so open searches refresh). Never rejects: a failure only
   * leaves them for the next scan's catch-up.
   */
  catchUpSearch(): Promise<void> {
    return this.writer.write.indexSearch().then(
      () => undefined,
      (err: unknown) => log.error(`Search index catch-up failed: ${errorMessage(err)}`),
    );
  }

  private startWatching(): void {
    this.watcher.start(BACKGROUND_AFTER_MS);
    // Roots change rarely, but structural changes come with every batch of an import: look
    // at the roots once things have settled, not for each.
    let pending: NodeJS.Timeout | null = null;
    const resync = () => {
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => this.watcher.sync(), 1000);
      pending.unref();
    };
    this.bus.on('library.changed', (change) => {
      if (change.structural) resync();
    });
    this.bus.on('settings.changed', resync);
  }

  async addRoot(typed: string): Promise<Root> {
    const path = userPath(typed);
    let real: string;
    try {
      real = realpathSync(path);
      if (!statSync(real).isDirectory()) throw new Error('not a folder');
    } catch (err) {
      const why = describeError(err, { path })?.reason ?? `it is ${errorMessage(err)}`;
      throw new TonearmError('FILE_UNREADABLE', `Cannot add ${path}: ${why}`);
    }
    if (isSystemFolder(real)) throw new TonearmError('BAD_INPUT', `${real} is a system folder, not a music folder`);
    const overlapping = this.catalog.roots
      .list()
      .find((root) => isInside(real, root.path) || isInside(root.path, real));
    if (overlapping) throw new TonearmError('BAD_INPUT', `${real} overlaps the library folder ${overlapping.path}`);
    const kind = detectRootKind(real, await readMountTable());
    return this.writer.write.addRoot(real, kind);
  }

  async close(): Promise<void> {
    if (this.parserTimer) clearTimeout(this.parserTimer);
    this.watcher.dispose();
    this.scanner.cancel();
    await this.scanner.idle();
    this.scanner.dispose();
    await this.parser.close();
    await this.views.close();
    await this.tags.close();
    await this.similarity.close();
    await this.cache.close();
    await this.backups.stop();
    await this.writer.close();
    this.catalog.close();
    markClosed(this.paths.dbPath);
  }
}
