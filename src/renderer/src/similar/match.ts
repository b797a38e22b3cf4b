// How the index's distances read to a listener.
import type { TrackRow } from '../../../shared/domain.ts';
import type { SimilarTracks } from '../../../shared/similarity.ts';

export interface SimilarRow extends TrackRow {
  /** 0–100: the Match column (views/tracks/columns.ts). */
  match: number;
}

/**
 * 100% is the same sound; the distance between two tracks picked at random (the engine's
 * `unrelatedDistance`, which knows how its dimensions weigh), or more, is 0%.
 */
export const matchPercent = (distance: number, unrelatedDistance: number): number =>
  Math.round(100 * Math.min(1, Math.max(0, 1 - distance / unrelatedDistance)));

export const similarRows = (result: SimilarTracks): SimilarRow[] =>
  result.rows.map(({ track, distance }) => ({
    ...track,
    match: result.unrelatedDistance ? matchPercent(distance, result.unrelatedDistance) : 0,
  }));
