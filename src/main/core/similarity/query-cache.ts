// Answers of the nearest-neighbour search, kept by their question: a radio asks the same
// seeds for the same pool at every refill, and "Similar tracks" is often asked twice. Cleared
// whenever the vectors change; counted, so Settings can show whether it pays.
import type { Neighbour } from './vector-index.ts';

export class QueryCache {
  private readonly entries = new Map<string, Neighbour[]>();
  private readonly maxEntries: number;
  hits = 0;
  misses = 0;

  constructor(maxEntries = 256) {
    this.maxEntries = maxEntries;
  }

  /** The cached answer, else `compute()`'s, kept (least recently used entries go first). */
  get(seedIds: readonly number[], limit: number, compute: () => Neighbour[]): Neighbour[] {
    const key = `${[...seedIds].sort((a, b) => a - b).join(',')}|${limit}`;
    const cached = this.entries.get(key);
    if (cached) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    this.misses++;
    const answer = compute();
    this.entries.set(key, answer);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return answer;
  }

  clear(): void {
    this.entries.clear();
  }

  stats(): { hits: number; misses: number; entries: number } {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size };
  }
}
