// Ratings go through the contract only: the rows follow by the library.changed event that the
// write announces, so nothing here patches a row by hand.
import { call } from '../bridge/api.ts';

export async function rateTracks(trackIds: number[], rating: number | null): Promise<void> {
  if (trackIds.length === 0) return;
  await call('tracks.setRating', { trackIds, rating });
}

/** Keys 0–5 on a track table: the digit's stars, 0 clearing. */
export function ratingForKey(key: string): number | null | undefined {
  if (!/^[0-5]$/.test(key)) return undefined;
  const stars = Number(key);
  return stars === 0 ? null : stars;
}
