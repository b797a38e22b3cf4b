// How much each dimension weighs once standardised: 1 / how far it moves between two vectors of
// one track made from disjoint snippets (in library spreads). A number that stays put within a
// track and differs between tracks, like the MFCC means, decides more than one that changes with
// the snippets heard, like the loudness spread. Learned from the real-music corpus of
// docs/benchmarks.md; learned on three of its soundtracks and tested on the fourth, they found a
// track's other vector for 94 % of vectors, plain z-scores 92 %, equal groups 83 %. Relearn them
// when the features change.
import { FEATURE_LAYOUT } from './layout.ts';

type GroupName = (typeof FEATURE_LAYOUT)[number][0];

// Learned by `npm run bench:similar:quality -- --print-weights` from 72 tracks' snippet-set pairs.
const WEIGHTS: Record<GroupName, readonly number[]> = {
  mfccMean: [2.07, 1.92, 1.69, 1.69, 1.55, 1.13, 1.13, 1.24, 1.04, 1.04, 1.16, 0.88],
  mfccStd: [0.62, 0.76, 0.86, 0.86, 0.79, 0.86, 0.93, 0.81, 1.04, 0.89, 0.9, 0.9, 1.04],
  centroid: [1.33, 0.7],
  rolloff: [1.34, 0.74],
  flatness: [1.59, 0.87],
  flux: [1.08, 0.42],
  zeroCrossings: [1.56, 0.79],
  chroma: [0.72, 0.71, 0.71, 0.61, 0.75, 0.83, 0.6, 0.66, 0.72, 0.71, 1.04, 0.61],
  tempo: [1.19, 0.45, 0.42],
  rhythm: [0.5, 0.63, 1.0, 1.13, 0.76, 0.87, 1.11, 1.11, 0.81, 0.78, 0.56, 0.44],
  dynamics: [0.64, 0.45],
};

/** The weights in the vector's order; a group of the wrong length is a mistake made here. */
export function layoutWeights(): Float32Array {
  return Float32Array.from(
    FEATURE_LAYOUT.flatMap(([group, size]) => {
      const weights = WEIGHTS[group];
      if (weights.length !== size) throw new Error(`${group} has ${weights.length} weights for ${size} entries`);
      return weights;
    }),
  );
}
