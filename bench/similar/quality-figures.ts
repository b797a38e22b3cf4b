// The quality figures of bench/similar/quality.ts over vectors already computed.
import { FEATURE_LAYOUT, standardisationStats, VECTOR_DIMS } from '../../src/main/core/similarity/features/index.ts';
import { withinTrackWeights } from './learned-weights.ts';

/**
 * 'standardised': z-scores alone; 'groups': z-scores weighted so each feature group counts the
 * same; 'learned': each z-score over its spread within a track, that spread learned from the
 * excerpt pairs of the other soundtracks only (leave one soundtrack out).
 */
export type Weighting = 'standardised' | 'groups' | 'learned';

export interface Corpus {
  /** One vector a track: the excerpt around the middle. */
  centred: Float32Array[];
  /** Two disjoint excerpts a track, centred at a quarter and three quarters (the test). */
  pairs: [Float32Array, Float32Array][];
  /** Two disjoint excerpts a track, side by side around the middle. */
  adjacent: [Float32Array, Float32Array][];
  labels: string[];
}

const GROUPS = (() => {
  const weights = new Float32Array(VECTOR_DIMS);
  let at = 0;
  for (const [, size] of FEATURE_LAYOUT) for (let i = 0; i < size; i++) weights[at++] = 1 / Math.sqrt(size);
  return weights;
})();

function zScores(vectors: Float32Array[], weights: ArrayLike<number>): Float32Array[] {
  const { mean, std } = standardisationStats(vectors);
  return vectors.map((v) => v.map((x, d) => ((x - mean[d]!) / std[d]!) * weights[d]!));
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

/** Of each pair of `tested`, is each excerpt's nearest among all excerpts the other one. */
function pairHits(pairs: [Float32Array, Float32Array][], weights: ArrayLike<number>, tested: number[]) {
  const excerpts = zScores(pairs.flat(), weights);
  let rank1 = 0;
  let mutual = 0;
  for (const t of tested) {
    const first = neighbours(excerpts, 2 * t, 1)[0] === 2 * t + 1;
    const second = neighbours(excerpts, 2 * t + 1, 1)[0] === 2 * t;
    rank1 += Number(first) + Number(second);
    mutual += Number(first && second);
  }
  return { rank1, mutual };
}

export function evaluate(corpus: Corpus, weighting: Weighting) {
  const { centred, pairs, adjacent, labels } = corpus;
  const n = labels.length;
  const all = [...Array(n).keys()];
  // Learned weights: one fold a soundtrack, learned without it; the others: one fold of all.
  const folds =
    weighting === 'learned'
      ? [...new Set(labels)].map((label) => {
          const training = all.filter((t) => labels[t] !== label);
          const weights = withinTrackWeights([...pairs, ...adjacent], [...training, ...training.map((t) => t + n)]);
          return { tested: all.filter((t) => labels[t] === label), weights };
        })
      : [{ tested: all, weights: weighting === 'groups' ? GROUPS : new Float32Array(VECTOR_DIMS).fill(1) }];

  const precisionOf = new Float64Array(n);
  const totals = { pairs: { rank1: 0, mutual: 0 }, adjacent: { rank1: 0, mutual: 0 } };
  for (const { tested, weights } of folds) {
    const vectors = zScores(centred, weights);
    for (const i of tested) {
      precisionOf[i] = neighbours(vectors, i, 10).filter((j) => labels[j] === labels[i]).length / 10;
    }
    for (const [name, set] of [
      ['pairs', pairs],
      ['adjacent', adjacent],
    ] as const) {
      const hits = pairHits(set, weights, tested);
      totals[name].rank1 += hits.rank1;
      totals[name].mutual += hits.mutual;
    }
  }

  const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const chanceOf = (label: string) => (labels.filter((l) => l === label).length - 1) / (n - 1);
  const perLabel = [...new Set(labels)].map((label) => ({
    label,
    tracks: labels.filter((l) => l === label).length,
    precision: mean(all.filter((t) => labels[t] === label).map((t) => precisionOf[t]!)),
    chance: chanceOf(label),
  }));
  return {
    perLabel,
    precision: mean(precisionOf),
    chance: mean(labels.map(chanceOf)),
    pairRank1: totals.pairs.rank1 / (2 * n),
    pairMutual: totals.pairs.mutual / n,
    adjacentRank1: totals.adjacent.rank1 / (2 * n),
    adjacentMutual: totals.adjacent.mutual / n,
  };
}
