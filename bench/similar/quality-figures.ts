// The quality figures of bench/similar/quality.ts over vectors already computed.
import { standardisationStats, standardise } from '../../src/main/core/similarity/features/index.ts';

/** 'standardised': z-scores alone; 'groups': z-scores weighted so each feature group counts the same. */
export type Weighting = 'standardised' | 'groups';

function prepare(vectors: Float32Array[], weighting: Weighting): Float32Array[] {
  const stats = standardisationStats(vectors);
  return vectors.map((v) => {
    if (weighting === 'groups') return standardise(v, stats);
    return v.map((x, d) => (x - stats.mean[d]!) / stats.std[d]!);
  });
}

const distance = (a: Float32Array, b: Float32Array): number => {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += (a[d]! - b[d]!) ** 2;
  return sum;
};

function neighbours(vectors: Float32Array[], of: number, k: number): number[] {
  return vectors
    .map((v, i) => ({ i, d: i === of ? Infinity : distance(vectors[of]!, v) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, k)
    .map((n) => n.i);
}

export function evaluate(
  centred: Float32Array[],
  pairs: [Float32Array, Float32Array][],
  labels: string[],
  weighting: Weighting,
) {
  const vectors = prepare(centred, weighting);
  const n = vectors.length;
  const byLabel = new Map<string, { precision: number[]; chance: number }>();
  for (const label of labels) {
    const size = labels.filter((l) => l === label).length;
    byLabel.set(label, { precision: [], chance: (size - 1) / (n - 1) });
  }
  const precisions: number[] = [];
  for (let i = 0; i < n; i++) {
    const hits = neighbours(vectors, i, 10).filter((j) => labels[j] === labels[i]).length;
    byLabel.get(labels[i]!)!.precision.push(hits / 10);
    precisions.push(hits / 10);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const perLabel = [...byLabel].map(([label, { precision, chance }]) => ({
    label,
    tracks: precision.length,
    precision: mean(precision),
    chance,
  }));
  const chance = mean(labels.map((l) => byLabel.get(l)!.chance));

  const excerpts = prepare(pairs.flat(), weighting);
  let rank1 = 0;
  let mutual = 0;
  for (let t = 0; t < pairs.length; t++) {
    const early = neighbours(excerpts, 2 * t, 1)[0] === 2 * t + 1;
    const late = neighbours(excerpts, 2 * t + 1, 1)[0] === 2 * t;
    rank1 += Number(early) + Number(late);
    mutual += Number(early && late);
  }
  return {
    perLabel,
    precision: mean(precisions),
    chance,
    pairRank1: rank1 / (2 * pairs.length),
    pairMutual: mutual / pairs.length,
  };
}
