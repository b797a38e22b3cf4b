// The background analysis, as the main process runs it: asks the analysis process for the
// tracks still to do, one at a time, and has the writer store what comes back in batches.
// Resumable by construction: what is pending is read from the catalog (no vector of this
// feature version, or the file changed since), so a kill loses the batch not yet written.
// The process lives for a pass: it is stopped when one ends, and one that dies is started
// again a while later (analysis-deaths.ts).
import type { SimilarityStatus } from '../../../shared/similarity.ts';
import type { VectorRecord } from '../catalog/vector-writes.ts';
import { log } from '../log.ts';
import type { PendingTrack } from '../catalog/reads/vectors.ts';
import type { ThreadChannel } from '../threads/channel.ts';
import { culpritRecord, processDied, ProcessDeaths } from './analysis-deaths.ts';
import type { AnalysisApi } from './analysis-process.ts';
import type { BatteryProbe } from './power.ts';
import { errorMessage } from '../../../shared/error-text.ts';

export interface AnalysisJobDeps {
  analysis: Pick<ThreadChannel<AnalysisApi>, 'remote' | 'stop' | 'dispose'>;
  putVectors(records: VectorRecord[]): Promise<unknown>;
  restampVectors(stamps: { trackId: number; size: number; mtimeNs: string }[]): Promise<unknown>;
  config(): { enabled: boolean; onBattery: boolean };
  onBattery: BatteryProbe;
  /** Each change of the status (throttled while analysing). */
  report(status: JobStatus): void;
  /** How long after each death in a row the process is tried again; after the last, not until a poke. */
  retryAfterMs?: readonly number[];
}

export type JobStatus = Omit<SimilarityStatus, 'cache'>;

/** Outcomes written at once: a transaction each, so at most this many are lost to a kill. */
const BATCH = 64;
const BATCH_MS = 2000;
const PICK = 32;
const REPORT_MS = 1000;
const BATTERY_LOOK_MS = 60_000;
const ON_BATTERY = 'Audio analysis waits while the computer runs on battery (Settings can allow it).';

export class AnalysisJob {
  private readonly deps: AnalysisJobDeps;
  private counts = { total: 0, analysed: 0, failed: 0, pending: 0 };
  private paused = false;
  private running: Promise<void> | null = null;
  /** Something may have become pending while a pass ran: run another after it. */
  private again = false;
  private closed = false;
  private reason: string | null = null;
  private msPerTrack: number | null = null;
  private reportedAt = 0;
  private battery: { on: boolean | null; at: number } = { on: null, at: -Infinity };
  private readonly deaths: ProcessDeaths;
  /** The track being analysed; and one the process died on twice, to write as failed. */
  private current: PendingTrack | null = null;
  private culprit: PendingTrack | null = null;
  /** A pass to come: after a death, or to look at the power again while it waits for the mains. */
  private later: NodeJS.Timeout | null = null;
  /** Whether the counts were read once: a pass that cannot run reads them only the first time. */
  private counted = false;

  constructor(deps: AnalysisJobDeps) {
    this.deps = deps;
    this.deaths = new ProcessDeaths(deps.retryAfterMs);
  }

  status(): JobStatus {
    const { total, analysed, failed, pending } = this.counts;
    return {
      total,
      analysed,
      failed,
      pending,
      running: this.running !== null && this.reason === null,
      paused: this.paused,
      etaS: this.msPerTrack === null || this.reason !== null ? null : Math.round((pending * this.msPerTrack) / 1000),
      reason: this.reason,
    };
  }

  /** Looks for work now (at start, after a scan or a batch of an import, a settings change). */
  poke(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.cancelLater();
    this.running = this.run()
      .catch((err: unknown) => {
        if (processDied(err) && !this.closed) {
          const { reason, waitMs, culprit } = this.deaths.died(this.current, err);
          this.reason = reason;
          this.culprit = culprit;
          log.error(`Similarity: ${reason}`);
          if (waitMs !== null) this.lookAt(waitMs);
          return;
        }
        this.reason = `The audio analysis stopped: ${errorMessage(err)}`;
        log.error(`Similarity: ${this.reason}`);
      })
      .finally(() => {
        this.running = null;
        this.report(true);
        if (this.again && !this.closed && this.reason === null) {
          this.again = false;
          this.poke();
          return;
        }
        if (this.reason === ON_BATTERY) this.lookAt(BATTERY_LOOK_MS, () => (this.battery.at = -Infinity));
        this.release();
      });
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    if (paused && this.running) void this.deps.analysis.remote.cancel().catch(() => {});
    else if (!paused) this.poke();
    this.report(true);
  }

  /** Resolves when no pass is running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cancelLater();
    if (this.running) await this.deps.analysis.remote.cancel().catch(() => {});
    await this.idle();
    await this.deps.analysis.dispose();
  }

  private async run(): Promise<void> {
    const analysis = this.deps.analysis.remote;
    this.again = false;
    this.current = null;
    this.reason = await this.whyNot();
    // A pass that cannot run does not start the process only to count again (each minute on battery).
    if (this.reason === null || !this.counted) this.counts = await analysis.counts();
    this.counted = true;
    this.report(true);
    if (this.culprit && this.reason === null) {
      await this.deps.putVectors([culpritRecord(this.culprit, (await analysis.describe()).featureVersion)]);
      this.culprit = null;
    }
    let after = 0;
    let wrapped = false;
    const records: VectorRecord[] = [];
    const stamps: { trackId: number; size: number; mtimeNs: string }[] = [];
    let flushedAt = performance.now();
    const flush = async () => {
      flushedAt = performance.now();
      if (records.length > 0) await this.deps.putVectors(records.splice(0));
      if (stamps.length > 0) await this.deps.restampVectors(stamps.splice(0));
    };
    try {
      while (this.reason === null) {
        const batch = await analysis.next(after, PICK);
        if (batch.length === 0) {
          // A pass ends at the last id; once more from the start for what became pending behind it.
          if (after === 0 || wrapped) break;
          // What this pass did must be written first, or it would look pending still.
          await flush();
          wrapped = true;
          after = 0;
          continue;
        }
        for (const track of batch) {
          this.reason = await this.whyNot();
          if (this.reason !== null) break;
          const started = performance.now();
          this.current = track;
          const outcome = await analysis.analyse(track).catch((err: unknown) => {
            if (this.paused || this.closed) return null;
            throw err;
          });
          this.current = null;
          if (!outcome) break;
          after = track.id;
          if (outcome.kind === 'restamp') stamps.push(outcome);
          else records.push(outcome.record);
          this.count(outcome.kind === 'restamp' || outcome.record.vector !== null);
          if (outcome.kind === 'vector' && outcome.analysed) this.pace(performance.now() - started);
          this.deaths.lived();
          if (records.length + stamps.length >= BATCH || performance.now() - flushedAt > BATCH_MS) await flush();
          this.report(false);
        }
      }
    } finally {
      await flush();
    }
    if (this.reason === null) this.counts = await analysis.counts();
  }

  /** The live estimate; the counts are read again at the end of each pass. */
  private count(ok: boolean): void {
    this.counts.pending = Math.max(0, this.counts.pending - 1);
    if (ok) this.counts.analysed++;
    else this.counts.failed++;
  }

  /** A moving average of the time per analysed track: the ETA. */
  private pace(ms: number): void {
    this.msPerTrack = this.msPerTrack === null ? ms : this.msPerTrack * 0.9 + ms * 0.1;
  }

  private async whyNot(): Promise<string | null> {
    if (this.closed) return 'Tonearm is closing.';
    const { enabled, onBattery } = this.deps.config();
    if (!enabled) return "Audio analysis is turned off in Settings ('Analyse audio for Play similar').";
    if (this.paused) return 'Audio analysis is paused.';
    if (!onBattery && (await this.onBattery())) return ON_BATTERY;
    return null;
  }

  /** A pass in `ms` (owned: a poke or close() cancels it); `before` runs first. */
  private lookAt(ms: number, before?: () => void): void {
    this.cancelLater();
    if (this.closed) return;
    this.later = setTimeout(() => {
      this.later = null;
      before?.();
      this.poke();
    }, ms);
    this.later.unref();
  }

  private cancelLater(): void {
    if (this.later) clearTimeout(this.later);
    this.later = null;
  }

  /** Nothing to do: the process goes, and its memory with it, until the next pass. */
  private release(): void {
    if (this.running || this.closed) return;
    void this.deps.analysis.stop().catch(() => {});
  }

  private async onBattery(): Promise<boolean> {
    const now = performance.now();
    if (now - this.battery.at > BATTERY_LOOK_MS) this.battery = { on: await this.deps.onBattery(), at: now };
    return this.battery.on === true;
  }

  private report(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.reportedAt < REPORT_MS) return;
    this.reportedAt = now;
    this.deps.report(this.status());
  }
}
