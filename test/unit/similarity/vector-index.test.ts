import { describe, expect, it } from 'vitest';
import { VectorIndex } from '../../../src/main/core/similarity/vector-index.ts';

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
