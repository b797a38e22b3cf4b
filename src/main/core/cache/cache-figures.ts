// The live figures of the Settings pane: how often the cache answered, and how long playback
// waited for its first bytes, as the media handler saw it and as the player reports it.
import type { LatencyFigures } from '../../../shared/domain.ts';

const KEEP = 50;

class Latencies {
  private readonly values: number[] = [];

  add(ms: number): void {
    this.values.push(Math.round(ms * 10) / 10);
    if (this.values.length > KEEP) this.values.shift();
  }

  figures(): LatencyFigures {
    const sorted = [...this.values].sort((a, b) => a - b);
    return {
      count: this.values.length,
      medianMs: sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : null,
      lastMs: this.values.at(-1) ?? null,
      recentMs: this.values.slice(-10),
    };
  }
}

export class CacheFigures {
  bytesFromCache = 0;
  bytesFromShare = 0;
  readonly serverStart = new Latencies();
  readonly serverSeek = new Latencies();
  readonly playerStart = new Latencies();
  readonly playerSeek = new Latencies();

  hitRate(): number | null {
    const total = this.bytesFromCache + this.bytesFromShare;
    return total === 0 ? null : this.bytesFromCache / total;
  }
}
