// The scan pipeline, read top to bottom: inventory → diff (in a thread) → parse (parser
// process) → write (short transactions, each announced after it commits). One scan at a time.
import { sep } from 'node:path';
import type { LibraryChange, ScanProgress, ScanSummary } from '../../../shared/domain.ts';
import { TonearmError } from '../../../shared/result.ts';
import type { ParseRequestFile, ParseResult } from '../../common/parse-protocol.ts';
import type { Catalog } from '../catalog/index.ts';
import type { FileContext } from '../catalog/library-writer.ts';
import { WriterThread } from '../catalog/writer-thread.ts';
import type { RootRecord } from '../catalog/roots.ts';
import type { EventBus } from '../events/bus.ts';
import type { ParserHost } from '../parser-host/parser-host.ts';
import { detectRootKind, readMountTable } from '../roots/mount-table.ts';
import { InventoryThread } from './inventory-worker.ts';
import { unpackFiles } from './pack-files.ts';
import { ProgressMeter } from './progress.ts';
import { shareAnswers } from './share-liveness.ts';
import { STALL_MS } from './walk.ts';

export interface ScannerConfig {
  networkConcurrency: number;
  purgeMissingAfterDays: number;
  /** Results are committed when this many are waiting, or after batchMs. */
  batchSize: number;
  batchMs: number;
}

export interface ScannerDeps {
  catalog: Catalog;
  bus: EventBus;
  parser: ParserHost;
  /** The parser bundle's entry file, which also runs the inventory thread. */
  threadEntry: string;
  config: () => ScannerConfig;
}

export interface ScanRequest {
  /** These roots (all without). */
  rootIds?: number[];
  /** Only these files and folders, as a watcher reports them; roots they are not under are skipped. */
  paths?: string[];
  /** The user confirmed that a root which lost most of its files really did. */
  acceptLosses?: boolean;
}

interface RootPlan {
  root: RootRecord;
  network: boolean;
  missingIds: number[];
  filesFound: number;
  online: boolean;
  /** When a result for this root last came in (the parse phase watches shares for stalls). */
  lastResultAt: number;
}

interface RunningScan {
  scanId: number;
  abort: AbortController;
  meter: ProgressMeter;
  done: Promise<ScanSummary>;
}

export class Scanner {
  private running: RunningScan | null = null;
  private readonly inventory: InventoryThread;
  private readonly writer: WriterThread;
  private lastScanId = 0;
  lastSummary: ScanSummary | null = null;
  private readonly deps: ScannerDeps;

  constructor(deps: ScannerDeps) {
    this.deps = deps;
    this.inventory = new InventoryThread(deps.threadEntry);
    this.writer = new WriterThread(deps.threadEntry, deps.catalog.path);
  }

  status(): ScanProgress | null {
    return this.running?.meter.current ?? null;
  }

  /** Starts a scan of these roots (all without ids). A second scan while one runs is refused. */
  start(request: ScanRequest = {}): { scanId: number; done: Promise<ScanSummary> } {
    if (this.running) throw new TonearmError('SCAN_IN_PROGRESS', 'A scan is already running');
    const scanId = ++this.lastScanId;
    const abort = new AbortController();
    const meter = new ProgressMeter(scanId, (progress) => this.deps.bus.emit('scan.progress', progress));
    const done = this.run(request, abort.signal, meter).finally(() => {
      this.running = null;
    });
    this.running = { scanId, abort, meter, done };
    return { scanId, done };
  }

  cancel(): void {
    this.running?.abort.abort();
  }

  /** Stops the scanner's thread; a scan after this starts it again. */
  dispose(): void {
    this.cancel();
    this.inventory.stop();
    void this.writer.stop();
  }

  /** Waits for the running scan, if any. */
  async idle(): Promise<void> {
    await this.running?.done.catch(() => {});
  }

  private async run(request: ScanRequest, signal: AbortSignal, meter: ProgressMeter): Promise<ScanSummary> {
    const started = Date.now();
    const { catalog, bus } = this.deps;
    const config = this.deps.config();
    const summary: ScanSummary = {
      added: 0,
      updated: 0,
      removed: 0,
      missing: 0,
      unchanged: 0,
      failed: 0,
      moved: 0,
      offlineRoots: [],
      tracks: 0,
      durationMs: 0,
      cancelled: false,
    };
    const announce = (change: LibraryChange | null) => change && bus.emit('library.changed', change);
    const writer = this.writer;
    await writer.begin();
    const { rootIds, paths } = request;
    const roots = catalog.roots
      .list()
      .filter((root) => !rootIds || rootIds.includes(root.id))
      .filter((root) => !paths || paths.some((path) => path.startsWith(`${root.path}${sep}`)));
    const mounts = await readMountTable();
    const plans: RootPlan[] = [];
    const toParse: ParseRequestFile[] = [];
    const contexts = new Map<string, FileContext>();
    const returned: number[] = [];

    const setOffline = (plan: RootPlan, reason: string) => {
      plan.online = false;
      catalog.roots.setOnline(plan.root.id, false, reason);
      summary.offlineRoots.push(plan.root.path);
      announce(catalog.changes.appendStructural());
    };

    // 1–2. Inventory and diff, root by root.
    let seenBefore = 0;
    for (const root of roots) {
      const kind = detectRootKind(root.path, mounts);
      if (kind !== root.kindDetected) catalog.roots.setKindDetected(root.id, kind);
      const network = (root.kindOverride ?? kind) === 'network';
      const plan: RootPlan = {
        lastResultAt: 0,
        root,
        network,
        missingIds: [],
        filesFound: 0,
        online: true,
      };
      plans.push(plan);
      meter.phase('inventory', 0, root.path);
      const outcome = await this.inventory.run(
        {
          dbPath: catalog.path,
          rootId: root.id,
          rootPath: root.path,
          network,
          networkConcurrency: config.networkConcurrency,
          paths: request.paths?.filter((path) => path.startsWith(`${root.path}${sep}`)),
          acceptLosses: request.acceptLosses,
        },
        (filesSeen) => meter.update(seenBefore + filesSeen),
        signal,
      );
      if (!outcome) break;
      if (!outcome.online) {
        setOffline(plan, outcome.reason);
        continue;
      }
      if (!root.online) {
        catalog.roots.setOnline(root.id, true, null);
        announce(catalog.changes.appendStructural());
      }
      const { diff, folderCovers } = outcome;
      seenBefore += outcome.filesFound;
      plan.filesFound = outcome.filesFound;
      plan.missingIds = diff.missingIds;
      summary.unchanged += diff.unchanged;
      returned.push(...diff.returnedIds);
      const changed = function* () {
        for (const file of unpackFiles(outcome.added)) yield { file, trackId: null, hadError: false };
        for (const file of diff.modified) yield { file, trackId: file.id, hadError: file.failed };
      };
      let index = 0;
      for (const { file, trackId, hadError } of changed()) {
        // Tens of thousands of new files: let the event loop breathe between slices.
        if (++index % 4000 === 0) await new Promise((resolve) => setImmediate(resolve));
        contexts.set(file.path, { rootId: root.id, size: file.size, mtimeNs: file.mtimeNs, trackId, hadError });
        const folder = file.path.slice(0, file.path.lastIndexOf(sep));
        toParse.push({
          path: file.path,
          size: file.size,
          network,
          folderCover: folderCovers.get(folder) ?? null,
        });
      }
    }

    announce(await writer.clearMissing(returned));
    await writer.prepareMoves(plans.flatMap((plan) => plan.missingIds));

    // 3–4. Parse what changed, writing results as they stream in.
    if (!signal.aborted && toParse.length > 0) {
      meter.phase('parse', toParse.length, null);
      let batch: { result: ParseResult; context: FileContext }[] = [];
      let batchTimer: NodeJS.Timeout | null = null;
      let done = 0;
      // Batches go to the writer thread in order; each is announced once it has committed.
      let writing = Promise.resolve();
      let moved = 0;
      const commit = () => {
        if (batchTimer) clearTimeout(batchTimer);
        batchTimer = null;
        if (batch.length === 0) return;
        const toWrite = batch;
        batch = [];
        writing = writing
          .then(() => writer.writeBatch(toWrite))
          .then((written) => {
            moved = written.moved;
            announce(written.change);
          });
      };
      const planOf = (path: string) => plans.find((plan) => path.startsWith(`${plan.root.path}${sep}`));
      const giveUpOn = (plan: RootPlan, reason: string) => {
        if (!plan.online) return;
        setOffline(plan, reason);
        this.deps.parser.dropFolder(`${plan.root.path}${sep}`);
      };
      // A share that vanished mid-import does not fail its reads for many seconds: when a
      // network root has gone quiet, ask it something no cache can answer.
      for (const plan of plans) plan.lastResultAt = Date.now();
      let probing = false;
      const stallWatch = setInterval(() => {
        const quiet = plans.filter((plan) => plan.network && plan.online && Date.now() - plan.lastResultAt > STALL_MS);
        if (probing || quiet.length === 0) return;
        probing = true;
        void Promise.all(
          quiet.map(async (plan) => {
            if (await shareAnswers(plan.root.path)) plan.lastResultAt = Date.now();
            else giveUpOn(plan, 'The share stopped answering during the scan');
          }),
        ).finally(() => (probing = false));
      }, 1000);
      try {
        await this.deps.parser.parse(
          toParse,
          (result) => {
            done++;
            meter.update(done);
            const context = contexts.get(result.path)!;
            const plan = planOf(result.path);
            if (plan) plan.lastResultAt = Date.now();
            if (!result.ok) {
              if (result.failure === 'gone') return;
              // A read failing on a share means the share, not the file: stop reading it.
              if (result.failure === 'io' && plan?.network) return giveUpOn(plan, result.error);
              summary.failed++;
            }
            if (context.trackId === null) summary.added++;
            else summary.updated++;
            batch.push({ result, context });
            if (batch.length >= config.batchSize) commit();
            else batchTimer ??= setTimeout(commit, config.batchMs);
          },
          signal,
        );
      } finally {
        // A parse that throws must not leave the watchdog or a batch timer keeping a CLI process alive.
        clearInterval(stallWatch);
        if (batchTimer) clearTimeout(batchTimer);
      }
      commit();
      await writing;
      summary.moved = moved;
      summary.added -= moved;
    }

    // Missing: only on roots whose walk was complete and that are still online.
    if (!signal.aborted) {
      meter.phase('write', 0, null);
      const candidates = plans.filter((plan) => plan.online).flatMap((plan) => plan.missingIds);
      const purgeBefore = Date.now() - config.purgeMissingAfterDays * 86_400_000;
      const done = await writer.finish(candidates, purgeBefore, summary.updated + summary.moved > 0);
      summary.missing = done.missingCount;
      summary.removed = done.removedCount;
      announce(done.missing);
      announce(done.removed);
      for (const plan of plans) if (plan.online) catalog.roots.recordScan(plan.root.id, plan.filesFound);
    }

    // Cancelled or not, search must find every track written.
    announce(await writer.indexSearch());
    summary.cancelled = signal.aborted;
    summary.tracks = catalog.tracks.count();
    summary.durationMs = Date.now() - started;
    meter.phase(signal.aborted ? 'cancelled' : 'done', 0, null);
    this.lastSummary = summary;
    bus.emit('scan.finished', summary);
    return summary;
  }
}
