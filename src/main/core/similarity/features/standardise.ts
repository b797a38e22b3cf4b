// Per-dimension standardisation over the library. The raw entries live on very different
// scales (kHz, ratios, cepstra), so distances between raw vectors would be decided by a few of
// them: the index must store or compare (v - mean) / std with stats computed over the library's
// vectors, and recompute them (and re-standardise) when the library has changed a lot.
import { VECTOR_DIMS } from './layout.ts';
import { layoutWeights } from './weights.ts';

export interface StandardisationStats {
  mean: Float32Array;
  std: Float32Array;
  count: number;
}

export function standardisationStats(vectors: Iterable<Float32Array>): StandardisationStats {
  const sum = new Float64Array(VECTOR_DIMS);
  const squares = new Float64Array(VECTOR_DIMS);
  let count = 0;
  for (const vector of vectors) {
    count++;
    for (let d = 0; d < VECTOR_DIMS; d++) {
      sum[d] = sum[d]! + vector[d]!;
      squares[d] = squares[d]! + vector[d]! * vector[d]!;
    }
  }
  const mean = new Float32Array(VECTOR_DIMS);
  const std = new Float32Array(VECTOR_DIMS).fill(1);
  for (let d = 0; d < VECTOR_DIMS && count > 0; d++) {
    mean[d] = sum[d]! / count;
    const variance = count > 1 ? (squares[d]! - count * mean[d]! * mean[d]!) / (count - 1) : 0;
    // A constant dimension (or one vector) tells nothing apart: leave it unscaled.
    std[d] = variance > 1e-12 ? Math.sqrt(variance) : 1;
  }
  return { mean, std, count };
}

/** How much each dimension weighs after standardisation (weights.ts says why, and how learned). */
export const GROUP_WEIGHTS: Float32Array = layoutWeights();

/** The vector the index compares with Euclidean distance: standardised, then weighted. */
export function standardise(vector: Float32Array, stats: StandardisationStats): Float32Array {
  const out = new Float32Array(VECTOR_DIMS);
  for (let d = 0; d < VECTOR_DIMS; d++) out[d] = ((vector[d]! - stats.mean[d]!) / stats.std[d]!) * GROUP_WEIGHTS[d]!;
  return out;
}
