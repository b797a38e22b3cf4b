// Both ends of the analysis process. It picks the tracks to analyse on its own read-only
// connection (a pass over 250k rows stays off the main event loop), reads and analyses one
// file at a time at the lowest CPU priority, and hands each outcome to the main process,
// which has the writer store them in batches. A process rather than a thread of the serving
// one: its decoders' wasm memory, its isolate and its connection are gone whenever it is.
import { readdirSync } from 'node:fs';
import { constants, platform, setPriority } from 'node:os';
import { parentProcessPort } from '../../common/parent-port.ts';
import { processArgs, type StartOf } from '../../common/thread-start.ts';
import { openReadOnly } from '../catalog/open.ts';
import { VectorReads, type PendingTrack } from '../catalog/reads/vectors.ts';
import { vectorRecord, type VectorRecord } from '../catalog/vector-writes.ts';
import { processOpener } from '../threads/channel-end.ts';
import type { SpawnProcess } from '../threads/child-process.ts';
import { serveThread, ThreadChannel } from '../threads/channel.ts';
import { loadAnalyser, spaceOf, type Analyser } from './analyser.ts';
import type { VectorSpace } from './neighbours.ts';
import { audioKeyOf } from './audio-key.ts';
import { errorMessage } from '../../../shared/error-text.ts';

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
    const record = (fields: Partial<VectorRecord>): VectorRecord => vectorRecord(track, featureVersion, fields);
    let audioKey: string;
    try {
      // A share is read once, for the excerpt: its key is the scanner's identity, not another read.
      audioKey = track.network ? `identity:${track.identity ?? track.path}` : await audioKeyOf(track.path);
    } catch (err) {
      return { kind: 'vector', record: record({ error: errorMessage(err) }), analysed: false };
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
      return { kind: 'vector', record: record({ audioKey, error: errorMessage(err) }), analysed: true };
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

/** Inside the process. */
export function runAnalysisProcess(start: StartOf<'analysis'>): void {
  lowerPriority();
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
  serveThread(served, parentProcessPort());
}

/**
 * The analysis yields the CPU to playback, the UI and a scan. A process of its own can be
 * lowered whole, on every OS; on Linux a priority is a thread's, so each thread already
 * running is lowered too (those started later, the decoders' among them, inherit it).
 */
function lowerPriority(): void {
  try {
    setPriority(constants.priority.PRIORITY_LOW);
    if (platform() === 'linux') {
      for (const task of readdirSync('/proc/self/task')) setPriority(Number(task), constants.priority.PRIORITY_LOW);
    }
  } catch {
    // not permitted: normal priority, still one file at a time
  }
}

/**
 * The process runs for hours beside the serving one, so it is kept small: it reads a few rows
 * at a time (a small page cache) and its decoded excerpts live outside the heap (a small
 * young generation).
 */
const PAGE_CACHE_KIB = 2000;
const HEAP_FLAGS = ['--max-semi-space-size=1', '--max-old-space-size=256'];

/** In the main process: the process starts at the first call, and again at the next after one died. */
export function openAnalysisProcess(
  spawn: SpawnProcess,
  entry: string,
  dbPath: string,
  analyser?: string,
): ThreadChannel<AnalysisApi> {
  const args = processArgs({ thread: 'analysis', dbPath, analyser });
  const opener = processOpener(() => spawn(entry, { name: 'analysis', args, execArgv: HEAP_FLAGS }));
  const channel = new ThreadChannel<AnalysisApi>(opener, { name: 'analysis' });
  channel.ref(false);
  return channel;
}
