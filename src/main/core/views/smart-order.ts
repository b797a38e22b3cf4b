// A smart playlist's order: the hits of its rules sorted as the Songs view sorts (its `sort:`,
// or album artist order), then cut to its `limit`. The orders are the views' own, so a
// playlist sorted by plays ties and reverses exactly as the Plays column does.
import type { TrackSort } from '../../../shared/views.ts';
import type { ParsedQuery } from './query-language.ts';
import { BASE_SORT, sortByOrder, type TrackOrder } from './track-order.ts';

/** `hits` null: every track. */
export function smartOrder(
  hits: readonly number[] | null,
  query: ParsedQuery,
  orderOf: (sort: TrackSort) => TrackOrder,
): Int32Array {
  const order = orderOf(query.sort ?? BASE_SORT);
  const ids = hits === null ? order.ids : sortByOrder(hits, order);
  return query.limit === null ? ids : ids.subarray(0, query.limit);
}
