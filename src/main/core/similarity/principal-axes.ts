// The principal axes of a set of vectors: the eigenvectors of their covariance, largest
// variance first (cyclic Jacobi rotations; 50 × 50 is small). The index turns its rows onto
// these axes, which keeps every distance as it was but puts most of it in the first few
// dimensions, so a far row is known to be far after a few of them.

/** Rows of the result are the axes (unit length, orthogonal), by variance descending. */
export function principalAxes(covariance: Float64Array, dims: number): { axes: Float64Array; variances: Float64Array } {
  const a = Float64Array.from(covariance);
  const v = new Float64Array(dims * dims);
  for (let i = 0; i < dims; i++) v[i * dims + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < dims; p++) for (let q = p + 1; q < dims; q++) off += a[p * dims + q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < dims; p++) {
      for (let q = p + 1; q < dims; q++) {
        const apq = a[p * dims + q]!;
        if (Math.abs(apq) < 1e-30) continue;
        const theta = (a[q * dims + q]! - a[p * dims + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < dims; k++) {
          const akp = a[k * dims + p]!;
          const akq = a[k * dims + q]!;
          a[k * dims + p] = c * akp - s * akq;
          a[k * dims + q] = s * akp + c * akq;
        }
        for (let k = 0; k < dims; k++) {
          const apk = a[p * dims + k]!;
          const aqk = a[q * dims + k]!;
          a[p * dims + k] = c * apk - s * aqk;
          a[q * dims + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < dims; k++) {
          const vkp = v[k * dims + p]!;
          const vkq = v[k * dims + q]!;
          v[k * dims + p] = c * vkp - s * vkq;
          v[k * dims + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: dims }, (_, i) => i).sort((i, j) => a[j * dims + j]! - a[i * dims + i]!);
  const axes = new Float64Array(dims * dims);
  const variances = new Float64Array(dims);
  order.forEach((column, row) => {
    variances[row] = a[column * dims + column]!;
    for (let k = 0; k < dims; k++) axes[row * dims + k] = v[k * dims + column]!;
  });
  return { axes, variances };
}
