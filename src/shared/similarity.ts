// "Sounds like": the similarity index's status and answers, as the renderer receives them.
import type { TrackRow } from './domain.ts';

export interface SimilarityStatus {
  analysed: number;
  pending: number;
  failed: number;
  total: number;
  running: boolean;
  paused: boolean;
  etaS: number | null;
  /** Why not running, as a sentence (paused / on battery / no catalog / decoder missing). */
  reason: string | null;
  cache: { hits: number; misses: number; entries: number };
}

export interface SimilarTracks {
  seedsWithoutVector: number;
  rows: { track: TrackRow; distance: number }[];
}

export interface RadioBatch {
  trackIds: number[];
  seedsWithoutVector: number;
  exhausted: boolean;
}
