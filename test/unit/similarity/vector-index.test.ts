import { describe, expect, it } from 'vitest';
import { VectorIndex } from '../../../src/main/core/similarity/vector-index.ts';
import { unrelatedDistance } from '../../../src/main/core/similarity/neighbours.ts';

/** A fixed pseudo-random sequence, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function bruteForce(
  vectors: Map<number, Float32Array>,
  queries: Float32Array[],
  k: number,
  exclude = new Set<number>(),
) {
  return [...vectors]
    .filter(([id]) => !exclude.has(id))
    .map(([id, v]) => ({
      id,
      distance: Math.min(...queries.map((q) => Math.sqrt(v.reduce((sum, x, d) => sum + (x - q[d]!) ** 2, 0)))),
    }))
    .sort((a, b) => a.distance - b.distance || a.id - b.id)
    .slice(0, k);
}

describe('the vector index', () => {
  const next = random(7);
  const dims = 20;
  const vectors = new Map<number, Float32Array>();
  // Starts small: the index grows as vectors arrive.
  const index = new VectorIndex(dims, 4);
  for (let id = 1; id <= 600; id++) {
    const vector = Float32Array.from({ length: dims }, () => next() * 2 - 1);
    vectors.set(id, vector);
    index.set(id, vector);
  }

  it('finds exactly the k nearest of one query, nearest first', () => {
    const query = Float32Array.from({ length: dims }, () => next());
    const found = index.nearest([query], 25);
    const expected = bruteForce(vectors, [query], 25);
    expect(found.map((n) => n.id)).toEqual(expected.map((n) => n.id));
    found.forEach((n, i) => expect(n.distance).toBeCloseTo(expected[i]!.distance, 4));
  });

  it('scores each row by its nearest query when given several, and leaves out the excluded', () => {
    const queries = [vectors.get(3)!, vectors.get(99)!, vectors.get(400)!];
    const exclude = new Set([3, 99, 400]);
    expect(index.nearest(queries, 30, exclude).map((n) => n.id)).toEqual(
      bruteForce(vectors, queries, 30, exclude).map((n) => n.id),
    );
  });

  it('replaces a vector set again, and refuses one of another length', () => {
    const moved = Float32Array.from({ length: dims }, () => 5);
    index.set(10, moved);
    expect(index.size).toBe(600);
    expect(index.nearest([moved], 1)).toEqual([{ id: 10, distance: 0 }]);
    expect(index.set(11, new Float32Array(dims + 1))).toBe(false);
    index.set(10, vectors.get(10)!);
  });

  it('answers every row when k is larger than the index, and nothing without a query', () => {
    expect(index.nearest([vectors.get(1)!], 10_000)).toHaveLength(600);
    expect(index.nearest([], 5)).toEqual([]);
  });
});

describe('the vector index, standardised', () => {
  it('finds the nearest by the standardised, weighted distance, as a brute force over those vectors does', () => {
    const next = random(11);
    const dims = 6;
    const weights = [1, 1, 0.5, 0.5, 0.5, 0.5];
    // Dimensions on unrelated scales, two of them correlated.
    const raw = Array.from({ length: 300 }, () => {
      const a = next();
      return Float32Array.of(a * 1000, a * 3 + next(), next() * 0.01, next(), next() * 50, next());
    });
    const index = new VectorIndex(dims, 8);
    raw.forEach((vector, i) => index.set(i + 1, vector));
    index.standardise(weights);
    const mean = Array.from({ length: dims }, (_, d) => raw.reduce((sum, v) => sum + v[d]!, 0) / raw.length);
    const spread = mean.map((m, d) => Math.sqrt(raw.reduce((sum, v) => sum + (v[d]! - m) ** 2, 0) / (raw.length - 1)));
    const standardised = new Map(
      raw.map((v, i) => [i + 1, Float32Array.from(v, (x, d) => ((x - mean[d]!) / spread[d]!) * weights[d]!)]),
    );
    const query = standardised.get(42)!;
    const expected = bruteForce(standardised, [query], 15);
    const found = index.nearest([index.vectorOf(42)!.slice()], 15);
    expect(found.map((n) => n.id)).toEqual(expected.map((n) => n.id));
    found.forEach((n, i) => expect(n.distance).toBeCloseTo(expected[i]!.distance, 3));
    // A vector set afterwards is standardised (and turned) the same way.
    index.set(1000, raw[41]!);
    expect(
      index
        .nearest([index.vectorOf(42)!.slice()], 2)
        .map((n) => n.id)
        .sort(),
    ).toEqual([1000, 42]);
  });
});

describe('the distance of unrelated tracks', () => {
  it('is the root mean square distance between the standardised, weighted vectors of a library', () => {
    const next = random(5);
    const dims = 4;
    const weights = [1, 0.5, 0.5, 2];
    const rows = Array.from({ length: 400 }, () => Float32Array.of(next() * 80, next() + next(), next() * 0.1, next()));
    const index = new VectorIndex(dims, 8);
    rows.forEach((vector, i) => index.set(i + 1, vector));
    index.standardise(weights);
    let sum = 0;
    let pairs = 0;
    for (let a = 1; a <= rows.length; a++) {
      const va = index.vectorOf(a)!;
      for (let b = a + 1; b <= rows.length; b++) {
        const vb = index.vectorOf(b)!;
        sum += va.reduce((s, x, d) => s + (x - vb[d]!) ** 2, 0);
        pairs++;
      }
    }
    expect(unrelatedDistance(dims, { featureVersion: 1, weights })).toBeCloseTo(Math.sqrt(sum / pairs), 1);
    expect(unrelatedDistance(3, { featureVersion: 1, weights: null })).toBeCloseTo(Math.sqrt(6), 6);
  });
});
