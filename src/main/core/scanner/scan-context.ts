// What every phase of one scan shares: its request, its settings, its progress and summary,
// the catalog to read and the one writer to write through. Plain data between the phases.
import type { ScanSummary } from '../../../shared/domain.ts';
import type { ParseRequestFile } from '../../common/parse-protocol.ts';
import type { Catalog } from '../catalog/index.ts';
import type { FileContext } from '../catalog/library-writer.ts';
import type { RootRecord } from '../catalog/roots.ts';
import type { CatalogWrites } from '../catalog/writer-thread.ts';
import type { RootStatus } from '../roots/root-status.ts';
import type { ProgressMeter } from './progress.ts';

export interface ScannerConfig {
  networkConcurrency: number;
  purgeMissingAfterDays: number;
  /** Results are committed when this many are waiting, or after batchMs. */
  batchSize: number;
  batchMs: number;
}

export interface ScanRequest {
  /** These roots (all without). */
  rootIds?: number[];
  /** Only these files and folders, as a watcher reports them; roots they are not under are skipped. */
  paths?: string[];
  /** The user confirmed that a root which lost most of its files really did. */
  acceptLosses?: boolean;
}

export interface ScanContext {
  request: ScanRequest;
  config: ScannerConfig;
  catalog: Catalog;
  writes: CatalogWrites;
  rootStatus: RootStatus;
  meter: ProgressMeter;
  signal: AbortSignal;
  summary: ScanSummary;
}

/** One root in this scan. */
export interface RootPlan {
  root: RootRecord;
  network: boolean;
  missingIds: number[];
  filesFound: number;
  online: boolean;
  /** When a result for this root last came in (the parse phase watches shares for stalls). */
  lastResultAt: number;
}

/** What the inventory hands the parse phase. */
export interface Inventory {
  plans: RootPlan[];
  toParse: ParseRequestFile[];
  contexts: Map<string, FileContext>;
  /** Missing tracks whose files are back where they were. */
  returned: number[];
}

export function emptySummary(): ScanSummary {
  return {
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
    error: null,
  };
}

/** The root goes offline in the catalog and in this scan's summary; its files are left alone. */
export function markOffline(scan: ScanContext, plan: RootPlan, reason: string): void {
  plan.online = false;
  scan.summary.offlineRoots.push(plan.root.path);
  void scan.rootStatus.report(plan.root.id, false, reason);
}
