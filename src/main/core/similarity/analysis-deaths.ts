// When the analysis process dies under the job (a native crash, the out-of-memory killer, a
// kill): the job tries again a while later, a few times in a row at most, so a process that
// cannot live is never started in a loop; and a file it died on twice in a row is the culprit,
// written as failed so the next pass goes past it.
import type { PendingTrack } from '../catalog/reads/vectors.ts';
import { vectorRecord, type VectorRecord } from '../catalog/vector-writes.ts';
import { ThreadCallError } from '../threads/channel.ts';

const RETRY_AFTER_MS = [15_000, 60_000, 300_000];

export function processDied(err: unknown): err is ThreadCallError {
  return err instanceof ThreadCallError && (err.code === 'THREAD_EXITED' || err.code === 'THREAD_CRASHED');
}

export interface AfterDeath {
  reason: string;
  /** When to try again; null: not before something pokes the job (a scan, a setting). */
  waitMs: number | null;
  /** The file it died on twice in a row, to be written as failed. */
  culprit: PendingTrack | null;
}

export class ProcessDeaths {
  private readonly waits: readonly number[];
  private inARow = 0;
  private lastOn: number | null = null;

  constructor(waits: readonly number[] = RETRY_AFTER_MS) {
    this.waits = waits;
  }

  /** A track was analysed: the process works. */
  lived(): void {
    this.inARow = 0;
    this.lastOn = null;
  }

  /** It died while analysing `track` (null: between tracks). */
  died(track: PendingTrack | null, err: ThreadCallError): AfterDeath {
    const culprit = track !== null && track.id === this.lastOn ? track : null;
    this.lastOn = culprit ? null : (track?.id ?? null);
    const waitMs = this.waits[this.inARow++] ?? null;
    const left = culprit ? `; ${culprit.path} is left out (it stopped there twice)` : '';
    const reason =
      waitMs === null
        ? `${err.message}, ${this.inARow} times in a row${left}; the analysis tries again after the next scan.`
        : `${err.message}${left}; the analysis tries again in ${Math.round(waitMs / 1000)} s.`;
    return { reason, waitMs, culprit };
  }
}

export function culpritRecord(track: PendingTrack, featureVersion: number): VectorRecord {
  return vectorRecord(track, featureVersion, { error: 'The audio analysis process stopped twice on this file' });
}
