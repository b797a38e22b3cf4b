// From the views to the player: a list is played from the chosen row on (with some rows
// before it, so that Previous works), a selection as selected, capped at the queue's length.
import { MAX_QUEUE } from '../../../shared/domain.ts';
import type { TrackRow } from '../../../shared/domain.ts';
import { call } from '../bridge/api.ts';
import { addToQueue, playNext, playTracks } from '../player/actions.ts';
import type { RowSource } from './data/list-source.ts';

const BEFORE = 200;
const AFTER = 1800;

/** Plays the list from row `index`, as a music player plays a playlist from the track clicked. */
export async function playFrom(source: RowSource<TrackRow>, index: number): Promise<void> {
  const start = Math.max(0, index - BEFORE);
  const rows = await source.rowsFrom(start, index - start + AFTER);
  playTracks(rows, index - start);
}

/** The rows of these track ids, in this order (those still in the catalog). */
export function rowsOf(ids: number[]): Promise<TrackRow[]> {
  return call('library.tracksByIds', { ids: ids.slice(0, MAX_QUEUE) });
}

export type QueueAction = 'play' | 'next' | 'queue';

/** Play now, play next or add to the queue: tracks given as rows (an album) or as ids (a selection). */
export async function queueTracks(action: QueueAction, tracks: number[] | TrackRow[], startIndex = 0): Promise<void> {
  const rows = typeof tracks[0] === 'number' ? await rowsOf(tracks as number[]) : (tracks as TrackRow[]);
  if (action === 'play') playTracks(rows, startIndex);
  else if (action === 'next') playNext(rows);
  else addToQueue(rows);
}
