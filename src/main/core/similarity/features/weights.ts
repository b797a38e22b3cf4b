// How much each dimension weighs once standardised: 1 / how far it moves between two excerpts of
// one track (in library spreads). A number that stays put within a track and differs between
// tracks, like the rhythm profile, decides more than one that changes with every section, like
// the loudness spread. Learned from the real-music corpus of docs/benchmarks.md; learned on three
// of its soundtracks and tested on the fourth, they found a track's other excerpt more often than
// plain z-scores or equal groups did. Relearn them when the features change.
import { FEATURE_LAYOUT } from './layout.ts';

type GroupName = (typeof FEATURE_LAYOUT)[number][0];

// Learned by `npm run bench:similar:quality -- --print-weights` from 72 tracks' excerpt pairs.
const WEIGHTS: Record<GroupName, readonly number[]> = {
  mfccMean: [1.03, 0.92, 0.94, 0.97, 1.04, 0.94, 0.87, 1.03, 0.83, 0.78, 0.83, 0.8],
  mfccStd: [0.63, 0.75, 0.74, 0.79, 0.81, 0.81, 0.82, 0.76, 0.84, 0.87, 0.8, 0.84, 0.81],
  centroid: [0.86, 0.72],
  rolloff: [0.98, 0.82],
  flatness: [1.19, 1.02],
  flux: [2.12, 1.7],
  zeroCrossings: [0.97, 0.74],
  chroma: [0.81, 0.63, 0.77, 0.72, 0.69, 0.72, 0.66, 0.73, 0.67, 0.85, 0.75, 0.71],
  tempo: [0.66, 1.23, 1.01],
  rhythm: [0.8, 1.06, 1.27, 1.08, 1.0, 1.11, 1.26, 1.0, 1.33, 1.07, 1.3, 0.99, 1.31, 1.62, 1.36, 2.02],
  dynamics: [0.7, 0.66],
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
