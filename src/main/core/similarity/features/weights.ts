// How much each dimension weighs once standardised: 1 / how far it moves between two excerpts of
// one track (in library spreads). A number that stays put within a track and differs between
// tracks, like the rhythm profile, decides more than one that changes with every section, like
// the loudness spread. Learned from the real-music corpus of docs/benchmarks.md; learned on three
// of its soundtracks and tested on the fourth, they found a track's other excerpt for 53 % of
// excerpts, plain z-scores 49 %, equal groups 40 %. Relearn them when the features change.
import { FEATURE_LAYOUT } from './layout.ts';

type GroupName = (typeof FEATURE_LAYOUT)[number][0];

// Learned by `npm run bench:similar:quality -- --print-weights` from 72 tracks' excerpt pairs.
const WEIGHTS: Record<GroupName, readonly number[]> = {
  mfccMean: [1.06, 0.94, 0.97, 1.0, 1.07, 0.96, 0.89, 1.05, 0.86, 0.8, 0.85, 0.82],
  mfccStd: [0.65, 0.77, 0.76, 0.81, 0.83, 0.83, 0.84, 0.78, 0.87, 0.89, 0.82, 0.87, 0.84],
  centroid: [0.88, 0.74],
  rolloff: [1.01, 0.84],
  flatness: [1.22, 1.04],
  flux: [2.18, 1.75],
  zeroCrossings: [1.0, 0.76],
  chroma: [0.83, 0.64, 0.79, 0.74, 0.71, 0.74, 0.68, 0.75, 0.69, 0.88, 0.77, 0.73],
  tempo: [0.68, 1.27, 1.04],
  rhythm: [0.82, 1.09, 1.14, 1.03, 1.07, 1.24, 1.32, 0.96, 1.32, 1.08, 1.46, 2.08],
  dynamics: [0.71, 0.67],
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
