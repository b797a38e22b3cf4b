// The quality figures of bench/similar/quality.ts over vectors already computed.
import { FEATURE_LAYOUT, standardisationStats, VECTOR_DIMS } from '../../src/main/core/similarity/features/index.ts';
import { withinTrackWeights } from './learned-weights.ts';

/**
 * 'standardised': z-scores alone; 'groups': z-scores weighted so each feature group counts the
 * same; 'learned': each z-score over its spread within a track, that spread learned from the
 * pairs of the other soundtracks only (leave one soundtrack out), each kind of pair from its own.
 */
export type Weighting = 'standardised' | 'groups' | 'learned';

export interface Corpus {
  /** One vector a track, as the product makes it. */
  product: Float32Array[];
  /** Two vectors a track from disjoint sets of snippets (phases 1/4 and 3/4; the test). */
  snippetPairs: [Float32Array, Float32Array][];
  /** Two single excerpts a track, centred at a quarter and three quarters (the earlier figure). */
  singlePairs: [Float32Array, Float32Array][];
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

/** Of each pair of `tested`, is each vector's nearest among all pairs' vectors the other one. */
function pairHits(pairs: [Float32Array, Float32Array][], weights: ArrayLike<number>, tested: number[]) {
  const excerpts = zScores(pairs.flat(), weights);
  const perTrack = new Map<number, number>();
  let mutual = 0;
  for (const t of tested) {
    const first = neighbours(excerpts, 2 * t, 1)[0] === 2 * t + 1;
    const second = neighbours(excerpts, 2 * t + 1, 1)[0] === 2 * t;
    perTrack.set(t, Number(first) + Number(second));
    mutual += Number(first && second);
  }
  return { perTrack, mutual };
}

export function evaluate(corpus: Corpus, weighting: Weighting) {
  const { product, snippetPairs, singlePairs, labels } = corpus;
  const n = labels.length;
  const all = [...Array(n).keys()];
  const fixed = weighting === 'groups' ? GROUPS : new Float32Array(VECTOR_DIMS).fill(1);
  // Learned weights: one fold a soundtrack, learned without it; the others: one fold of all.
  const folds =
    weighting === 'learned'
      ? [...new Set(labels)].map((label) => {
          const training = all.filter((t) => labels[t] !== label);
          return {
            tested: all.filter((t) => labels[t] === label),
            snippet: withinTrackWeights(snippetPairs, training),
            single: withinTrackWeights(singlePairs, training),
          };
        })
      : [{ tested: all, snippet: fixed, single: fixed }];

  const precisionOf = new Float64Array(n);
  const hitsOf = { snippet: new Float64Array(n), single: new Float64Array(n) };
  const mutual = { snippet: 0, single: 0 };
  for (const fold of folds) {
    const vectors = zScores(product, fold.snippet);
    for (const i of fold.tested) {
      precisionOf[i] = neighbours(vectors, i, 10).filter((j) => labels[j] === labels[i]).length / 10;
    }
    for (const [name, set] of [
      ['snippet', snippetPairs],
      ['single', singlePairs],
    ] as const) {
      const hits = pairHits(set, fold[name], fold.tested);
      for (const [t, count] of hits.perTrack) hitsOf[name][t] = count / 2;
      mutual[name] += hits.mutual;
    }
  }

  const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const chanceOf = (label: string) => (labels.filter((l) => l === label).length - 1) / (n - 1);
  const ofLabel = (label: string) => all.filter((t) => labels[t] === label);
  const perLabel = [...new Set(labels)].map((label) => ({
    label,
    tracks: ofLabel(label).length,
    precision: mean(ofLabel(label).map((t) => precisionOf[t]!)),
    chance: chanceOf(label),
    snippetRank1: mean(ofLabel(label).map((t) => hitsOf.snippet[t]!)),
    singleRank1: mean(ofLabel(label).map((t) => hitsOf.single[t]!)),
  }));
  return {
    perLabel,
    precision: mean(precisionOf),
    chance: mean(labels.map(chanceOf)),
    snippetRank1: mean(hitsOf.snippet),
    snippetMutual: mutual.snippet / n,
    singleRank1: mean(hitsOf.single),
    singleMutual: mutual.single / n,
  };
}
