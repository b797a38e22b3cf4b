// A smart playlist evaluated on its own, outside the views thread: its stored query text in,
// its ids out, in order. A few thousand hits are sorted in SQL; more, or a text sort, are put
// in the views' order of the whole library, read afresh (tens of milliseconds at 250k tracks;
// the views thread keeps those orders and answers a search with the same rules from its cache).
import type Database from 'better-sqlite3';
import type { TrackSort } from '../../../shared/views.ts';
import { parseQuery } from '../views/query-language.ts';
import { smartOrder } from '../views/smart-order.ts';
import { BASE_SORT, computeOrder, type TrackOrder } from '../views/track-order.ts';
import { SmartPlaylistReads } from './reads/smart-playlists.ts';
import { TrackOrderReads } from './reads/track-orders.ts';

/** Up to here, sorting the hits beats reading a whole-library order (≈25 ms at 250k tracks, more for a sort by date). */
const SQL_SORT_MAX = 20_000;

const perConnection = new WeakMap<Database.Database, { smart: SmartPlaylistReads; orders: TrackOrderReads }>();

/** `now` is what "the last 30 days" count back from. */
export function smartPlaylistIds(db: Database.Database, queryText: string, now: number): number[] {
  let reads = perConnection.get(db);
  if (!reads) {
    reads = { smart: new SmartPlaylistReads(db), orders: new TrackOrderReads(db) };
    perConnection.set(db, reads);
  }
  const { smart, orders } = reads;
  const query = parseQuery(queryText);
  let base: TrackOrder | undefined;
  const baseOrder = (): TrackOrder => (base ??= computeOrder(orders, BASE_SORT, baseOrder));
  const orderOf = (sort: TrackSort): TrackOrder =>
    sort.field === BASE_SORT.field && sort.desc === BASE_SORT.desc
      ? baseOrder()
      : computeOrder(orders, sort, baseOrder);
  // One read transaction: the hits and the order agree on one library version.
  const work = () => {
    const hits = smart.hits(query, now);
    const sorted = hits && hits.length <= SQL_SORT_MAX ? smart.ordered(hits, query.sort, query.limit) : null;
    return sorted ?? Array.from(smartOrder(hits, query, orderOf));
  };
  return db.inTransaction ? work() : db.transaction(work)();
}
