// How much each dimension weighs once standardised: 1 / how far it moves between two vectors of
// one track made from disjoint snippets (in library spreads). A number that stays put within a
// track and differs between tracks, like the MFCC means, decides more than one that changes with
// the snippets heard, like the loudness spread. Learned from the real-music corpus of
// docs/benchmarks.md; learned on three of its soundtracks and tested on the fourth, they found a
// track's other vector for 94 % of vectors, plain z-scores 94 %, equal groups 81 % (feature
// version 4). Relearn them when the features change.
import { FEATURE_LAYOUT } from './layout.ts';

type GroupName = (typeof FEATURE_LAYOUT)[number][0];

// Learned by `npm run bench:similar:quality -- --print-weights` from 72 tracks' snippet-set pairs.
const WEIGHTS: Record<GroupName, readonly number[]> = {
  mfccMean: [2.09, 1.83, 1.65, 1.57, 1.45, 1.08, 1.1, 1.18, 1.02, 1.0, 1.05, 0.84],
  mfccStd: [0.58, 0.79, 0.79, 0.82, 0.75, 0.84, 0.88, 0.79, 0.92, 0.89, 0.86, 0.88, 1.02],
  centroid: [1.32, 0.71],
  rolloff: [1.35, 0.75],
  flatness: [1.72, 0.85],
  flux: [1.0, 0.43],
  zeroCrossings: [1.56, 0.81],
  chroma: [0.72, 0.73, 0.68, 0.57, 0.72, 0.77, 0.58, 0.64, 0.69, 0.69, 1.03, 0.57],
  tempo: [0.81, 0.41, 0.4],
  rhythm: [0.55, 0.75, 0.96, 1.39, 0.9, 1.13, 1.15, 1.51, 0.74, 0.91, 0.93, 0.74],
  dynamics: [0.61, 0.43],
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
