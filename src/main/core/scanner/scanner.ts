// The scan pipeline, read top to bottom: inventory → diff (in a thread) → parse (parser
// process) → write (short transactions through the catalog's writer, each announced once it
// has committed) → finish. One scan at a time; each phase is a file of its own.
import { sep } from 'node:path';
import type { ScanProgress, ScanSummary } from '../../../shared/domain.ts';
import { TonearmError } from '../../../shared/result.ts';
import type { Catalog } from '../catalog/index.ts';
import type { RootRecord } from '../catalog/roots.ts';
import type { CatalogWrites } from '../catalog/writer-thread.ts';
import type { EventBus } from '../events/bus.ts';
import type { ParserHost } from '../parser-host/parser-host.ts';
import type { RootStatus } from '../roots/root-status.ts';
import { InventoryThread } from './inventory-worker.ts';
import { finishScan } from './phase-finish.ts';
import { takeInventory } from './phase-inventory.ts';
import { parseAndWrite } from './phase-parse-write.ts';
import { ProgressMeter } from './progress.ts';
import { countTracks, scanFailure } from './scan-failure.ts';
import { logScanEnd, logScanStart } from './scan-log.ts';
import { log } from '../log.ts';
import { emptySummary, type ScanContext, type ScannerConfig, type ScanRequest } from './scan-context.ts';

export type { ScannerConfig, ScanRequest };

const LARGE_INVENTORY = 5_000;

export interface ScannerDeps {
  catalog: Catalog;
  writes: CatalogWrites;
  rootStatus: RootStatus;
  bus: EventBus;
  parser: ParserHost;
  /** The parser bundle's entry file, which also runs the inventory thread. */
  threadEntry: string;
  config: () => ScannerConfig;
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
  private lastScanId = 0;
  lastSummary: ScanSummary | null = null;
  private readonly deps: ScannerDeps;

  constructor(deps: ScannerDeps) {
    this.deps = deps;
    this.inventory = new InventoryThread(deps.threadEntry);
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
    const startedAt = Date.now();
    const roots = this.rootsAsked(request);
    logScanStart(scanId, request.paths ?? roots.map((root) => root.path));
    const done = this.run(request, roots, startedAt, abort.signal, meter).finally(() => {
      this.running = null;
    });
    done.then(
      (summary) => logScanEnd(scanId, summary, this.deps.catalog, startedAt),
      (err: unknown) => log.error(`scan ${scanId} failed:`, err),
    );
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
  }

  /** Waits for the running scan, if any. */
  async idle(): Promise<void> {
    await this.running?.done.catch(() => {});
  }

  private async run(
    request: ScanRequest,
    roots: readonly RootRecord[],
    startedAt: number,
    signal: AbortSignal,
    meter: ProgressMeter,
  ): Promise<ScanSummary> {
    const { catalog, writes, bus } = this.deps;
    const scan: ScanContext = {
      request,
      config: this.deps.config(),
      catalog,
      writes,
      rootStatus: this.deps.rootStatus,
      meter,
      signal,
      summary: emptySummary(),
    };
    const { summary } = scan;
    try {
      await this.phases(scan, roots);
    } catch (err) {
      // Whatever stopped it (a full disk, a read-only catalog, a thread that died), this scan
      // ends here with a summary of what it saved; the process and the next scan carry on.
      summary.error = scanFailure(err, catalog.path, summary.added + summary.updated);
      // Search should still find what was saved; with the disk full this fails too, and the
      // writer catches up when the engine next starts or at the next scan's end.
      await writes.indexSearch().catch(() => {});
    }
    summary.cancelled = signal.aborted && !summary.error;
    summary.tracks = countTracks(catalog);
    summary.durationMs = Date.now() - startedAt;
    meter.phase(summary.error ? 'failed' : signal.aborted ? 'cancelled' : 'done', 0, null);
    if (summary.error) meter.update(0, summary.error.message);
    this.lastSummary = summary;
    bus.emit('scan.finished', summary);
    return summary;
  }

  private async phases(scan: ScanContext, roots: readonly RootRecord[]): Promise<void> {
    const { signal, summary, writes } = scan;
    await writes.beginScan();
    const inventory = await takeInventory(scan, roots, this.inventory);
    // After an import's inventory the thread holds tens of MB of garbage and a fingerprint
    // cache the import is about to make stale: the parse phase needs the memory more than the
    // next rescan needs a warm thread.
    if (inventory.toParse.length >= LARGE_INVENTORY) this.inventory.stop();
    await writes.clearMissing(inventory.returned);
    await writes.prepareMoves(inventory.plans.flatMap((plan) => plan.missingIds));
    if (!signal.aborted && inventory.toParse.length > 0) {
      const moved = await parseAndWrite(scan, inventory, this.deps.parser);
      summary.moved = moved;
      summary.added -= moved;
    }
    if (!signal.aborted) await finishScan(scan, inventory);
    // Cancelled or not, search must find every track written.
    await writes.indexSearch();
  }

  private rootsAsked({ rootIds, paths }: ScanRequest) {
    return this.deps.catalog.roots
      .list()
      .filter((root) => !rootIds || rootIds.includes(root.id))
      .filter((root) => !paths || paths.some((path) => path.startsWith(`${root.path}${sep}`)));
  }
}
