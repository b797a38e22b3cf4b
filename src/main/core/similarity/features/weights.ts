// How much each dimension weighs once standardised: 1 / how far it moves between two vectors of
// one track made from disjoint snippets (in library spreads). A number that stays put within a
// track and differs between tracks, like the MFCC means, decides more than one that changes with
// the snippets heard, like the loudness spread. Learned from the real-music corpus of
// docs/benchmarks.md; learned on three of its soundtracks and tested on the fourth, they found a
// track's other vector for 94 % of vectors, as plain z-scores did, equal groups 83 %. Relearn them
// when the features change.
import { FEATURE_LAYOUT } from './layout.ts';

type GroupName = (typeof FEATURE_LAYOUT)[number][0];

// Learned by `npm run bench:similar:quality -- --print-weights` from 72 tracks' snippet-set pairs.
const WEIGHTS: Record<GroupName, readonly number[]> = {
  mfccMean: [2.03, 1.87, 1.65, 1.65, 1.52, 1.11, 1.11, 1.22, 1.02, 1.03, 1.14, 0.86],
  mfccStd: [0.61, 0.74, 0.83, 0.84, 0.78, 0.84, 0.91, 0.8, 1.01, 0.88, 0.89, 0.89, 1.03],
  centroid: [1.29, 0.69],
  rolloff: [1.32, 0.74],
  flatness: [1.57, 0.86],
  flux: [1.26, 0.46],
  zeroCrossings: [1.53, 0.78],
  chroma: [0.72, 0.7, 0.69, 0.6, 0.74, 0.81, 0.59, 0.65, 0.7, 0.7, 1.01, 0.6],
  tempo: [1.23, 0.45, 0.41],
  rhythm: [0.51, 0.65, 0.95, 1.22, 0.72, 0.85, 1.21, 1.11, 0.86, 1.09, 0.9, 0.44],
  dynamics: [0.63, 0.45],
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
