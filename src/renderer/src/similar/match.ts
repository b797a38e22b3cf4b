// How the index's distances read to a listener.
import type { TrackRow } from '../../../shared/domain.ts';
import type { SimilarTracks } from '../../../shared/similarity.ts';

export interface SimilarRow extends TrackRow {
  /** 0–100: the Match column (views/tracks/columns.ts). */
  match: number;
}

/** A distance as a match in percent: 0 is the same sound (100%), 1 or more nothing alike. */
export const matchPercent = (distance: number): number => Math.round(100 * Math.min(1, Math.max(0, 1 - distance)));

export const similarRows = (result: SimilarTracks): SimilarRow[] =>
  result.rows.map(({ track, distance }) => ({ ...track, match: matchPercent(distance) }));
