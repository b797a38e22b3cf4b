import { describe, expect, it } from 'vitest';
import { principalAxes } from '../../../src/main/core/similarity/principal-axes.ts';

describe('principal axes', () => {
  it('finds orthonormal axes, largest variance first, that rebuild the covariance', () => {
    const dims = 4;
    // A covariance with known structure: symmetric, positive definite.
    const c = new Float64Array([4, 1, 0.5, 0, 1, 3, 0.2, 0.1, 0.5, 0.2, 2, 0.3, 0, 0.1, 0.3, 1]);
    const { axes, variances } = principalAxes(c, dims);
    for (let i = 0; i < dims; i++) {
      for (let j = 0; j < dims; j++) {
        let dot = 0;
        for (let k = 0; k < dims; k++) dot += axes[i * dims + k]! * axes[j * dims + k]!;
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 9);
      }
    }
    expect([...variances]).toEqual([...variances].sort((a, b) => b - a));
    for (let i = 0; i < dims; i++) {
      for (let j = 0; j < dims; j++) {
        let sum = 0;
        for (let k = 0; k < dims; k++) sum += axes[k * dims + i]! * variances[k]! * axes[k * dims + j]!;
        expect(sum).toBeCloseTo(c[i * dims + j]!, 9);
      }
    }
  });
});
