// Both ends of the analysis thread. It picks the tracks to analyse on its own read-only
// connection (a pass over 250k rows stays off the main event loop), reads and analyses one
// file at a time at the lowest CPU priority, and hands each outcome to the main process,
// which has the writer store them in batches.
import { constants, platform, setPriority } from 'node:os';
import type { StartOf } from '../../common/thread-start.ts';
import { openReadOnly } from '../catalog/open.ts';
import { VectorReads, type PendingTrack } from '../catalog/reads/vectors.ts';
import type { VectorRecord } from '../catalog/vector-writes.ts';
import { openThread, serveThread, type ThreadChannel } from '../threads/channel.ts';
import { loadAnalyser, spaceOf, type Analyser } from './analyser.ts';
import type { VectorSpace } from './neighbours.ts';
import { audioKeyOf } from './audio-key.ts';

export type Outcome =
  | { kind: 'vector'; record: VectorRecord; analysed: boolean }
  /** The file changed but its audio did not (a retag): the stored vector stays. */
  | { kind: 'restamp'; trackId: number; size: number; mtimeNs: string };

export class AnalysisWork {
  private readonly reads: VectorReads;
  private readonly analyser: Analyser;
  private current: AbortController | null = null;

  constructor(reads: VectorReads, analyser: Analyser) {
    this.reads = reads;
    this.analyser = analyser;
  }

  describe(): VectorSpace {
    return spaceOf(this.analyser);
  }

  next(after: number, limit: number): PendingTrack[] {
    return this.reads.pending(after, this.analyser.FEATURE_VERSION, limit);
  }

  counts(): { total: number; analysed: number; failed: number; pending: number } {
    return this.reads.counts(this.analyser.FEATURE_VERSION);
  }

  async analyse(track: PendingTrack): Promise<Outcome> {
    const featureVersion = this.analyser.FEATURE_VERSION;
    const stamp = { trackId: track.id, size: track.size, mtimeNs: track.mtimeNs };
    const record = (fields: Partial<VectorRecord>): VectorRecord => ({
      ...stamp,
      featureVersion,
      audioKey: '',
      vector: null,
      error: null,
      excerptStartS: null,
      excerptS: null,
      cpuMs: null,
      ...fields,
    });
    let audioKey: string;
    try {
      // A share is read once, for the excerpt: its key is the scanner's identity, not another read.
      audioKey = track.network ? `identity:${track.identity ?? track.path}` : await audioKeyOf(track.path);
    } catch (err) {
      return { kind: 'vector', record: record({ error: (err as Error).message }), analysed: false };
    }
    if (track.stored?.featureVersion === featureVersion && track.stored.audioKey === audioKey) {
      return { kind: 'restamp', ...stamp };
    }
    const borrowed = this.reads.vectorByAudioKey(audioKey, featureVersion, track.id);
    if (borrowed) return { kind: 'vector', record: record({ audioKey, vector: borrowed }), analysed: false };
    this.current = new AbortController();
    try {
      const { vector, excerptStartS, excerptS, cpuMs } = await this.analyser.analyseFile(track.path, {
        signal: this.current.signal,
        durationS: track.durationS ?? undefined,
      });
      return { kind: 'vector', record: record({ audioKey, vector, excerptStartS, excerptS, cpuMs }), analysed: true };
    } catch (err) {
      if (this.current.signal.aborted) throw err;
      return { kind: 'vector', record: record({ audioKey, error: (err as Error).message }), analysed: true };
    } finally {
      this.current = null;
    }
  }

  /** Stops the file being analysed now (the job is pausing or closing). */
  cancel(): void {
    this.current?.abort();
  }
}

const SERVED = ['describe', 'next', 'counts', 'analyse', 'cancel'] as const;
export type AnalysisApi = Pick<AnalysisWork, (typeof SERVED)[number]>;

/** Inside the thread. */
export async function runAnalysisThread(start: StartOf<'analysis'>): Promise<void> {
  // On Linux a thread has its own nice value, and the decoders it starts inherit it: the
  // analysis yields the CPU to playback, the UI and a scan. Elsewhere the call would lower
  // the whole app, so it is not made there.
  if (platform() === 'linux') {
    try {
      setPriority(constants.priority.PRIORITY_LOW);
    } catch {
      // not permitted: normal priority, still one file at a time
    }
  }
  let work: Promise<AnalysisWork> | null = null;
  const open = () =>
    (work ??= loadAnalyser(start.analyser).then(
      (a) => new AnalysisWork(new VectorReads(openReadOnly(start.dbPath, PAGE_CACHE_KIB)), a),
    ));
  const served = {} as Record<string, (...args: unknown[]) => unknown>;
  for (const method of SERVED) {
    served[method] = async (...args: unknown[]) => {
      const opened = await open();
      return (opened[method] as (...a: unknown[]) => unknown).apply(opened, args);
    };
  }
  serveThread(served);
}

/**
 * The thread runs beside the views for hours, so its share of the serving process counts: it
 * reads a few rows at a time (a small page cache) and its decoded excerpts live outside the
 * heap (a small young generation). Measured on `tonearm serve` at 250k tracks: the process
 * with the analysis running went from ≈ 440 MB to ≈ 315 MB (≈ 260 MB with it off).
 */
const PAGE_CACHE_KIB = 2000;
const HEAP_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 4 };

/** In the main process. */
export function openAnalysisThread(entry: string, dbPath: string, analyser?: string): ThreadChannel<AnalysisApi> {
  const channel = openThread<AnalysisApi>(
    entry,
    { thread: 'analysis', dbPath, analyser },
    { resourceLimits: HEAP_LIMITS },
  );
  channel.ref(false);
  return channel;
}
