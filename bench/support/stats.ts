// Figures for benchmark tables: medians and percentiles of repeated measurements.

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The middle value; with an even count, the mean of the middle two. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** Milliseconds to a tenth, as the tables print them. */
export const roundMs = (ms: number): number => Math.round(ms * 10) / 10;

/** How long `work` took, in milliseconds to a tenth. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return roundMs(performance.now() - started);
}
