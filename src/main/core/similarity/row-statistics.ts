// Figures over the rows of a flat Float32Array (rows × dims): what the index standardises
// with, and the covariance its principal axes come from.

/** Each dimension's mean, and weight / spread (a constant dimension is left unscaled). */
export function standardisation(
  data: Float32Array,
  rows: number,
  dims: number,
  weights: ArrayLike<number> | null,
): { mean: Float32Array; scale: Float32Array } {
  const sum = new Float64Array(dims);
  const squares = new Float64Array(dims);
  for (let base = 0; base < rows * dims; base += dims) {
    for (let d = 0; d < dims; d++) {
      const x = data[base + d]!;
      sum[d] = sum[d]! + x;
      squares[d] = squares[d]! + x * x;
    }
  }
  const mean = new Float32Array(dims);
  const scale = new Float32Array(dims);
  for (let d = 0; d < dims; d++) {
    mean[d] = rows > 0 ? sum[d]! / rows : 0;
    const variance = rows > 1 ? (squares[d]! - rows * mean[d]! * mean[d]!) / (rows - 1) : 0;
    scale[d] = (weights?.[d] ?? 1) / (variance > 1e-12 ? Math.sqrt(variance) : 1);
  }
  return { mean, scale };
}

/** Of rows already centred (mean 0), from an even sample of at most `sample` of them. */
export function covariance(data: Float32Array, rows: number, dims: number, sample: number): Float64Array {
  const step = Math.max(1, Math.floor(rows / sample));
  const sums = new Float64Array(dims * dims);
  let n = 0;
  for (let row = 0; row < rows; row += step, n++) {
    const base = row * dims;
    for (let i = 0; i < dims; i++) {
      const x = data[base + i]!;
      for (let j = i; j < dims; j++) sums[i * dims + j] = sums[i * dims + j]! + x * data[base + j]!;
    }
  }
  for (let i = 0; i < dims; i++) {
    for (let j = i; j < dims; j++) {
      sums[i * dims + j] = sums[i * dims + j]! / Math.max(1, n - 1);
      sums[j * dims + i] = sums[i * dims + j]!;
    }
  }
  return sums;
}
