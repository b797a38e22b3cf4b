// Which tracks a filtered view holds, unordered: the views put them in order by rank.
import { sep } from 'node:path';
import type { TrackFilter } from '../../../shared/views.ts';
import type { TrackSetReads } from '../catalog/reads/track-sets.ts';
import { parseQuery, toFtsMatch } from './query-language.ts';

const DAY_MS = 86_400_000;

export class TrackSets {
  private readonly reads: TrackSetReads;

  constructor(reads: TrackSetReads) {
    this.reads = reads;
  }

  /** The ids in the filter; null for every track. */
  members(filter: TrackFilter): number[] | null {
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

  private search(text: string): number[] {
    const query = parseQuery(text);
    const match = toFtsMatch(query);
    const { year } = query;
    if (match) return this.reads.text(match, year ?? undefined);
    if (year) return this.reads.years(year.from, year.to);
    return [];
  }
}
