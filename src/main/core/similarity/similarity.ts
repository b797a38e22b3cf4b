// Similarity, composed for the Core: the background analysis (analysis-job.ts, its process) and
// the nearest-neighbour thread, with what the contract's handlers call.
import type { RadioBatch, SimilarityStatus, SimilarTracks } from '../../../shared/similarity.ts';
import type { CatalogWrites } from '../catalog/writer-thread.ts';
import type { EventBus } from '../events/bus.ts';
import type { SettingsService } from '../settings-service.ts';
import { loadSpace } from './analyser.ts';
import { AnalysisJob } from './analysis-job.ts';
import { openAnalysisProcess } from './analysis-process.ts';
import type { VectorSpace } from './neighbours.ts';
import { openNeighboursThread } from './neighbours-thread.ts';
import { linuxOnBattery, type BatteryProbe } from './power.ts';
import type { SpawnProcess } from '../threads/child-process.ts';

export interface SimilarityDeps {
  threadEntry: string;
  /** How the analysis process is started (the bundle's entry, as the parser is). */
  spawnProcess: SpawnProcess;
  dbPath: string;
  writes: Pick<CatalogWrites, 'putVectors' | 'restampVectors'>;
  settings: Pick<SettingsService, 'get'>;
  bus: EventBus;
  /** Whether on battery; by default what Linux's power_supply says, else never. */
  onBattery?: BatteryProbe;
  /** A module to analyse with instead of features/ (tests and benches). */
  analyser?: string;
}

export interface RadioAsk {
  seedIds: number[];
  recentIds: number[];
  excludeGenres: string[];
  count: number;
}

/** After an import's batches, the job looks again once they have paused this long. */
const POKE_AFTER_CHANGES_MS = 3000;

export class Similarity {
  private readonly deps: SimilarityDeps;
  private readonly analysis;
  private readonly neighbours;
  private readonly job: AnalysisJob;
  private readonly unsubscribe: (() => void)[] = [];
  private space: Promise<VectorSpace> | null = null;
  private cache = { hits: 0, misses: 0, entries: 0 };
  private pokeTimer: NodeJS.Timeout | null = null;
  private startTimer: NodeJS.Timeout | null = null;

  constructor(deps: SimilarityDeps) {
    this.deps = deps;
    this.analysis = openAnalysisProcess(deps.spawnProcess, deps.threadEntry, deps.dbPath, deps.analyser);
    this.neighbours = openNeighboursThread(deps.threadEntry, deps.dbPath);
    this.job = new AnalysisJob({
      analysis: this.analysis,
      putVectors: (records) => deps.writes.putVectors(records),
      restampVectors: (stamps) => deps.writes.restampVectors(stamps),
      config: () => ({
        enabled: deps.settings.get('similarity.enabled'),
        onBattery: deps.settings.get('similarity.onBattery'),
      }),
      onBattery: deps.onBattery ?? linuxOnBattery,
      report: () => deps.bus.emit('similar.progress', this.status()),
    });
  }

  /**
   * Starts the analysis (after `delayMs`: a start's first windows come first), and looks again
   * after each scan, import batches and settings change.
   */
  start(delayMs = 0): void {
    const { bus } = this.deps;
    this.unsubscribe.push(
      bus.on('scan.finished', () => this.job.poke()),
      bus.on('settings.changed', () => this.job.poke()),
      bus.on('library.changed', (change) => {
        if (change.added.length === 0 && change.updated.length === 0) return;
        if (this.pokeTimer) clearTimeout(this.pokeTimer);
        this.pokeTimer = setTimeout(() => this.job.poke(), POKE_AFTER_CHANGES_MS);
        this.pokeTimer.unref();
      }),
    );
    if (delayMs === 0) this.job.poke();
    else {
      this.startTimer = setTimeout(() => this.job.poke(), delayMs);
      this.startTimer.unref();
    }
  }

  /** The analysis process's id while it runs (tests, benches). */
  get analysisPid(): number | undefined {
    return this.analysis.pid;
  }

  status(): SimilarityStatus {
    return { ...this.job.status(), cache: this.cache };
  }

  /**
   * The status with the cache's counts fetched from its thread, once a question has started
   * it: opening Settings does not start a thread (and load every vector) to say "0 hits".
   */
  async freshStatus(): Promise<SimilarityStatus> {
    if (this.space !== null) this.cache = await this.neighbours.remote.cacheStats();
    return this.status();
  }

  setPaused(paused: boolean): Promise<SimilarityStatus> {
    this.job.setPaused(paused);
    return this.freshStatus();
  }

  async tracks(ids: number[], limit: number): Promise<SimilarTracks> {
    return this.neighbours.remote.tracks(ids, limit, await this.vectorSpace());
  }

  async album(albumId: number, limit: number): Promise<SimilarTracks> {
    return this.neighbours.remote.album(albumId, limit, await this.vectorSpace());
  }

  async radioNext(ask: RadioAsk): Promise<RadioBatch> {
    const artistSpacing = this.deps.settings.get('radio.artistSpacing');
    return this.neighbours.remote.radio({ ...ask, artistSpacing, now: Date.now() }, await this.vectorSpace());
  }

  /** Looks for tracks to analyse now rather than at the next scan or import batch. */
  refresh(): void {
    this.job.poke();
  }

  /** Until every pass has ended (tests, benches). */
  idle(): Promise<void> {
    return this.job.idle();
  }

  async close(): Promise<void> {
    for (const off of this.unsubscribe.splice(0)) off();
    if (this.pokeTimer) clearTimeout(this.pokeTimer);
    if (this.startTimer) clearTimeout(this.startTimer);
    await this.job.close();
    await this.neighbours.dispose();
  }

  private vectorSpace(): Promise<VectorSpace> {
    this.space ??= loadSpace(this.deps.analyser);
    // A failure is not kept: the next question asks again.
    return this.space.catch((err: unknown) => {
      this.space = null;
      throw err;
    });
  }
}
