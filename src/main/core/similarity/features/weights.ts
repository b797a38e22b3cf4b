// How much each dimension weighs once standardised: 1 / how far it moves between two vectors of
// one track made from disjoint snippets (in library spreads). A number that stays put within a
// track and differs between tracks, like the MFCC means, decides more than one that changes with
// the snippets heard, like the loudness spread. Learned from the real-music corpus of
// docs/benchmarks.md; learned on three of its soundtracks and tested on the fourth, they found a
// track's other vector for 94 % of vectors, as plain z-scores did, equal groups 81 %. Relearn them
// when the features change.
import { FEATURE_LAYOUT } from './layout.ts';

type GroupName = (typeof FEATURE_LAYOUT)[number][0];

// Learned by `npm run bench:similar:quality -- --print-weights` from 72 tracks' snippet-set pairs.
const WEIGHTS: Record<GroupName, readonly number[]> = {
  mfccMean: [2.08, 1.91, 1.7, 1.66, 1.55, 1.13, 1.17, 1.21, 1.02, 1.03, 1.12, 0.85],
  mfccStd: [0.61, 0.74, 0.8, 0.86, 0.79, 0.81, 0.9, 0.76, 0.97, 0.87, 0.9, 0.88, 0.99],
  centroid: [1.26, 0.67],
  rolloff: [1.29, 0.71],
  flatness: [1.6, 0.86],
  flux: [1.5, 0.49],
  zeroCrossings: [1.5, 0.75],
  chroma: [0.71, 0.69, 0.7, 0.59, 0.71, 0.83, 0.59, 0.65, 0.69, 0.72, 1.03, 0.61],
  tempo: [0.97, 0.48, 0.43],
  rhythm: [0.52, 0.77, 0.96, 1.06, 0.81, 0.74, 1.3, 1.09, 0.82, 0.99, 0.89, 0.46],
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
