// How the index's distances read to a listener.
import type { TrackRow } from '../../../shared/domain.ts';
import type { SimilarTracks } from '../../../shared/similarity.ts';

export interface SimilarRow extends TrackRow {
  /** 0–100: the Match column (views/tracks/columns.ts). */
  match: number;
}

/**
 * How far apart two tracks picked at random are: the index compares standardised vectors whose
 * 10 feature groups are weighted to count one each (features/standardise.ts), and two
 * independent standardised values differ by 2 in square on average, so E[d²] ≈ 2 × 10.
 */
const UNRELATED_DISTANCE = Math.sqrt(20);

/** 100% is the same sound; a distance typical of two unrelated tracks, or more, is 0%. */
export const matchPercent = (distance: number): number =>
  Math.round(100 * Math.min(1, Math.max(0, 1 - distance / UNRELATED_DISTANCE)));

export const similarRows = (result: SimilarTracks): SimilarRow[] =>
  result.rows.map(({ track, distance }) => ({ ...track, match: matchPercent(distance) }));
