// "Play similar", "Similar tracks" and "More like this album": what the contract answers.
// Vectors are made from the audio in the background (core/similarity/); these are the views of it.
import type { TrackRow } from './domain.ts';

export interface SimilarityStatus {
  analysed: number;
  pending: number;
  failed: number;
  total: number;
  running: boolean;
  paused: boolean;
  /** Seconds until every pending track is analysed at the current pace; null until it is known. */
  etaS: number | null;
  /** Why the analysis is not running, as a sentence (paused, on battery, turned off, no decoder…). */
  reason: string | null;
  /** The nearest-neighbour query cache, counted since the engine started. */
  cache: { hits: number; misses: number; entries: number };
}

export interface SimilarTracks {
  /** Seeds that have no vector yet (not analysed, or their analysis failed): they shaped nothing. */
  seedsWithoutVector: number;
  /** Nearest first; distance 0 is the same sound. */
  rows: { track: TrackRow; distance: number }[];
  /** The distance between two tracks picked at random (root mean square), the scale a match is read on; null without vectors. */
  unrelatedDistance: number | null;
}

export interface RadioBatch {
  trackIds: number[];
  seedsWithoutVector: number;
  /** Nothing more fits the radio's rules: the renderer stops asking. */
  exhausted: boolean;
}
