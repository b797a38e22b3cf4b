import type { TrackRow } from '../../../../shared/domain.ts';

/**
 * Whether two rows show the same: a new list (a search keystroke, a new snapshot) brings new row
 * objects, often for the same tracks in the same places; those rows' cells are left as drawn.
 */
export function sameRow(a: TrackRow, b: TrackRow): boolean {
  if (a === b) return true;
  for (const key in a) if (a[key as keyof TrackRow] !== b[key as keyof TrackRow]) return false;
  return true;
}
