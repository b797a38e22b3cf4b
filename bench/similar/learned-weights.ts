// Weights learned from excerpt pairs: each dimension over its spread within a track. A
// dimension that moves little between two excerpts of one track, and much between tracks, should
// decide more; the bench learns them on some soundtracks and tests them on another.
import { FEATURE_LAYOUT, standardisationStats, VECTOR_DIMS } from '../../src/main/core/similarity/features/index.ts';

/**
 * For z-scores over every excerpt of `pairs` (no labels used), 1 / the within-track spread of
 * each dimension, estimated from the pairs numbered `learnFrom` only ((a − b)² / 2 a pair).
 */
export function withinTrackWeights(pairs: [Float32Array, Float32Array][], learnFrom: number[]): Float32Array {
  const { std } = standardisationStats(pairs.flat());
  const within = new Float64Array(VECTOR_DIMS);
  for (const p of learnFrom) {
    const [a, b] = pairs[p]!;
    for (let d = 0; d < VECTOR_DIMS; d++) within[d] = within[d]! + ((a[d]! - b[d]!) / std[d]!) ** 2 / 2;
  }
  return Float32Array.from(within, (w) => 1 / Math.sqrt(w / Math.max(1, learnFrom.length) + 1e-9));
}

/** The body of features/weights.ts's table: a line a group, scaled so the mean square weight is 1. */
export function weightsSource(weights: Float32Array, tracks: number): string {
  const meanSquare = weights.reduce((sum, w) => sum + w * w, 0) / weights.length;
  const scaled = Array.from(weights, (w) => (w / Math.sqrt(meanSquare)).toFixed(2));
  const lines = [
    `// Learned by \`npm run bench:similar:quality -- --print-weights\` from ${tracks} tracks' snippet-set pairs.`,
  ];
  let at = 0;
  for (const [group, size] of FEATURE_LAYOUT) {
    lines.push(`  ${group}: [${scaled.slice(at, at + size).join(', ')}],`);
    at += size;
  }
  return lines.join('\n');
}
