// Synthetic vectors for the store's figures, drawn from a fixed seed so every run measures the
// same set, in clusters (a library has styles). Two shapes: "real", a Gaussian with the mean and
// covariance of real tracks' vectors (features/ on the music-real soundtracks), whose variance
// sits in a few directions as real features' does; and "isotropic", every dimension independent,
// the worst case for a search that stops early on far rows.
import { seededRandom } from '../../test/support/fuzz.ts';

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export interface Shape {
  name: 'real' | 'isotropic';
  dims: number;
  mean: Float64Array;
  /** Lower-triangular L with L·Lᵀ the covariance. */
  cholesky: Float64Array;
}

export function isotropicShape(dims: number): Shape {
  const cholesky = new Float64Array(dims * dims);
  for (let d = 0; d < dims; d++) cholesky[d * dims + d] = 1;
  return { name: 'isotropic', dims, mean: new Float64Array(dims), cholesky };
}

/** The mean and covariance of these vectors (a small ridge keeps it positive definite). */
export function shapeOf(vectors: readonly ArrayLike<number>[]): Shape {
  const dims = vectors[0]!.length;
  const n = vectors.length;
  const mean = new Float64Array(dims);
  for (const v of vectors) for (let d = 0; d < dims; d++) mean[d] = mean[d]! + v[d]! / n;
  const cov = new Float64Array(dims * dims);
  for (const v of vectors) {
    for (let i = 0; i < dims; i++) {
      for (let j = 0; j <= i; j++)
        cov[i * dims + j] = cov[i * dims + j]! + ((v[i]! - mean[i]!) * (v[j]! - mean[j]!)) / (n - 1);
    }
  }
  for (let i = 0; i < dims; i++) cov[i * dims + i] = cov[i * dims + i]! * 1.001 + 1e-9;
  const l = new Float64Array(dims * dims);
  for (let i = 0; i < dims; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = cov[i * dims + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * dims + k]! * l[j * dims + k]!;
      l[i * dims + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j * dims + j]!;
    }
  }
  return { name: 'real', dims, mean, cholesky: l };
}

/** `count` vectors around `clusters` centres: 70 % of the variance between clusters, 30 % within. */
export function* clusteredVectors(count: number, shape: Shape, clusters = 2000, seed = 14): Generator<Float32Array> {
  const random = seededRandom(seed);
  const { dims, mean, cholesky } = shape;
  const draw = (scale: number) => {
    const z = Float64Array.from({ length: dims }, () => gaussian(random) * scale);
    const out = new Float64Array(dims);
    for (let i = 0; i < dims; i++) {
      let sum = 0;
      for (let k = 0; k <= i; k++) sum += cholesky[i * dims + k]! * z[k]!;
      out[i] = sum;
    }
    return out;
  };
  const centres = Array.from({ length: clusters }, () => draw(Math.sqrt(0.7)));
  for (let i = 0; i < count; i++) {
    const centre = centres[Math.floor(random() * clusters)]!;
    const noise = draw(Math.sqrt(0.3));
    yield Float32Array.from({ length: dims }, (_, d) => mean[d]! + centre[d]! + noise[d]!);
  }
}
