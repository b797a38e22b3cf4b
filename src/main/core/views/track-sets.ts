// Which tracks a filtered view holds, unordered: the views put them in order by rank.
import { sep } from 'node:path';
import type { TrackFilter, TrackSort } from '../../../shared/views.ts';
import type { SmartPlaylistReads } from '../catalog/reads/smart-playlists.ts';
import type { TrackSetReads } from '../catalog/reads/track-sets.ts';
import { parseQuery, toFtsMatch, type ParsedQuery } from './query-language.ts';
import { smartOrder } from './smart-order.ts';
import { dependsOnPlays, type TrackOrder } from './track-order.ts';

const DAY_MS = 86_400_000;
/** As in catalog/smart-playlists.ts: up to here, sorting the hits beats reading a whole-library order. */
const SQL_SORT_MAX = 20_000;

const usesSmartRules = (query: ParsedQuery): boolean =>
  query.filters.length > 0 || query.sort !== null || query.limit !== null;

/**
 * Whether a play, a skip or a rating can change which tracks a search holds, or their order
 * (`plays:>10`, `played:<30d`, `rating:>=4`, `sort:plays:desc limit:50`): such a search is
 * read again on every `updated` change, as the Songs view sorted by plays is.
 */
export function searchDependsOnPlays(text: string): boolean {
  const query = parseQuery(text);
  return (
    query.filters.some((filter) => ['plays', 'skips', 'rating', 'played'].includes(filter.field)) ||
    (query.sort !== null && query.limit !== null && dependsOnPlays(query.sort.field))
  );
}

export class TrackSets {
  private readonly reads: TrackSetReads;
  private readonly smart: SmartPlaylistReads;
  /** The whole-library order of a sort, as the engine keeps it. */
  private readonly orderOf: (sort: TrackSort) => TrackOrder;

  constructor(reads: TrackSetReads, smart: SmartPlaylistReads, orderOf: (sort: TrackSort) => TrackOrder) {
    this.reads = reads;
    this.smart = smart;
    this.orderOf = orderOf;
  }

  /** The ids in the filter; null for every track. A smart playlist's query is read by the engine. */
  members(filter: Exclude<TrackFilter, { type: 'smart' }>): number[] | null {
    switch (filter.type) {
      case 'all':
        return null;
      case 'album':
        return this.reads.album(filter.albumId);
      case 'artist':
        return this.reads.albumArtist(filter.artistId);
      case 'genre':
        return this.reads.genre(filter.genreId);
      case 'folder': {
        // Under a folder: the paths between "dir/" and "dir" + the next character after the separator.
        const dir = filter.path.endsWith(sep) ? filter.path.slice(0, -1) : filter.path;
        const after = String.fromCharCode(sep.charCodeAt(0) + 1);
        return this.reads.pathsBetween(dir + sep, dir + after);
      }
      case 'recent':
        return this.reads.addedSince(Date.now() - filter.days * DAY_MS);
      case 'search':
        return this.search(filter.text);
    }
  }

  /** Null: every track (`sort:plays:desc` alone narrows nothing). */
  private search(text: string): number[] | null {
    const query = parseQuery(text);
    if (usesSmartRules(query)) {
      const hits = this.smart.hits(query, Date.now());
      // A limit keeps the first of the query's own sort; the view then orders them by its own.
      if (query.limit === null) return hits;
      // A few thousand hits are sorted in SQL: after a play, the order by plays of the whole
      // library would have to be read again first (≈80 ms at 250k tracks).
      const sorted = hits && hits.length <= SQL_SORT_MAX ? this.smart.ordered(hits, query.sort, query.limit) : null;
      return sorted ?? Array.from(smartOrder(hits, query, this.orderOf));
    }
    const match = toFtsMatch(query);
    const { year } = query;
    if (match) return this.reads.text(match, year ?? undefined);
    if (year) return this.reads.years(year.from, year.to);
    return [];
  }
}
