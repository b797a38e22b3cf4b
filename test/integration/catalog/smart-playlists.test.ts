// Smart playlists on a real catalog file: each rule, sort and limit keeps exactly the tracks
// it says, in the order it says.
import { afterAll, describe, expect, it } from 'vitest';
import { SmartPlaylistReads } from '../../../src/main/core/catalog/reads/smart-playlists.ts';
import { TrackOrderReads } from '../../../src/main/core/catalog/reads/track-orders.ts';
import { smartPlaylistIds } from '../../../src/main/core/catalog/smart-playlists.ts';
import { parseQuery } from '../../../src/main/core/views/query-language.ts';
import { smartOrder } from '../../../src/main/core/views/smart-order.ts';
import { BASE_SORT, computeOrder, type TrackOrder } from '../../../src/main/core/views/track-order.ts';
import { TRACK_SORT_FIELDS } from '../../../src/shared/views.ts';
import { writeCatalog } from '../../support/catalog-file.ts';
import { BASE, NOW, SMART_TRACKS, writeHistory } from '../../support/smart-catalog.ts';
import { tempDir } from '../../support/temp.ts';

describe('smartPlaylistIds', () => {
  const dir = tempDir();
  const { catalog } = writeCatalog(dir.path, SMART_TRACKS);
  writeHistory(catalog.db);
  const ids = (text: string) => smartPlaylistIds(catalog.db, text, NOW);
  /** The tracks kept, in album artist order. */
  const kept = (...keep: number[]) => BASE.filter((id) => keep.includes(id));
  afterAll(() => {
    catalog.close();
    dir.cleanup();
  });

  it('lists every track in album artist order when nothing narrows it', () => {
    expect(ids('')).toEqual(BASE);
  });

  it('filters by play count, skips and rating, a track without stats counting as 0 and unrated', () => {
    expect(ids('plays:>10')).toEqual(kept(1, 3));
    expect(ids('plays:0')).toEqual(kept(4, 6, 8));
    expect(ids('plays:5..20')).toEqual(kept(1, 7));
    expect(ids('plays:<=3')).toEqual(kept(2, 4, 5, 6, 8));
    expect(ids('skips:>0')).toEqual(kept(3, 4));
    expect(ids('rating:>=4')).toEqual(kept(1, 2, 4));
    expect(ids('rating:0')).toEqual(kept(5, 6, 7, 8));
    expect(ids('rating:<3')).toEqual(kept(3, 5, 6, 7, 8));
    expect(ids('rating:4..5')).toEqual(kept(1, 2, 4));
  });

  it('filters by last played and date added, counted back from now', () => {
    expect(ids('played:<30d')).toEqual(kept(1, 3));
    expect(ids('played:>90d')).toEqual(kept(2, 5, 4, 6, 8));
    expect(ids('played:never')).toEqual(kept(4, 6, 8));
    expect(ids('added:<22d')).toEqual(kept(1, 2, 3, 4));
    expect(ids('added:>22d')).toEqual(kept(5, 6, 7, 8));
  });

  it('filters by duration as the column shows it, in seconds or minutes', () => {
    expect(ids('duration:>300')).toEqual(kept(1, 2, 3, 4));
    expect(ids('duration:300')).toEqual([7]);
    expect(ids('duration:5m')).toEqual(kept(2, 3, 7));
    expect(ids('duration:2m..5m')).toEqual(kept(2, 3, 5, 6, 7, 8));
    expect(ids('duration:<=2m')).toEqual([8]);
    expect(ids('duration:600..')).toEqual([]);
  });

  it('filters by format in any case and by the start of the path', () => {
    expect(ids('format:flac')).toEqual(kept(1, 2, 8));
    expect(ids('format:OGG')).toEqual([6]);
    expect(ids('path:"/music/jazz"')).toEqual(kept(1, 2, 3));
    expect(ids('path:/music/jazz/')).toEqual(kept(1, 2));
    expect(ids(`path:"/music/'; DROP TABLE tracks; --"`)).toEqual([]);
    expect(ids('')).toHaveLength(8);
  });

  it('combines rules with words and years', () => {
    expect(ids('genre:jazz rating:>=3')).toEqual(kept(1, 2));
    expect(ids('radiohead plays:>0')).toEqual([5]);
    expect(ids('year:1990..1999 format:mp3')).toEqual(kept(4, 5, 7));
    expect(ids('rating:>=4 played:>90d')).toEqual(kept(2, 4));
    expect(ids('blue rating:5')).toEqual([1]);
  });

  it('orders by the sort, ties in album artist order, and keeps the first of the limit', () => {
    expect(ids('sort:plays:desc')).toEqual([3, 1, 7, 2, 5, 8, 6, 4]);
    expect(ids('played:<30d sort:plays:desc limit:1')).toEqual([3]);
    expect(ids('sort:added:desc')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ids('sort:added limit:3')).toEqual([8, 7, 6]);
    expect(ids('sort:rating:desc')).toEqual([1, 2, 4, 3, 8, 7, 6, 5]);
    expect(ids('sort:played:desc')).toEqual([1, 3, 7, 2, 5, 8, 6, 4]);
    expect(ids('sort:skips:desc limit:2')).toEqual([4, 3]);
    expect(ids('sort:duration limit:2')).toEqual([8, 5]);
    expect(ids('sort:title')).toEqual([6, 8, 2, 7, 5, 4, 1, 3]);
    expect(ids('limit:3')).toEqual([8, 7, 3]);
  });

  it('sorts a few hits in SQL exactly as the views order the whole library', () => {
    const smart = new SmartPlaylistReads(catalog.db);
    const orders = new TrackOrderReads(catalog.db);
    const base = (): TrackOrder => computeOrder(orders, BASE_SORT, base);
    let compared = 0;
    for (const field of TRACK_SORT_FIELDS) {
      for (const desc of [false, true]) {
        for (const text of ['', 'plays:<20', 'format:mp3 limit:2']) {
          const query = parseQuery(text);
          const sort = { field, desc };
          const hits = smart.hits(query, NOW) ?? BASE;
          const inSql = smart.ordered(hits, sort, query.limit);
          if (inSql === null) continue;
          const asViews = smartOrder(hits, { ...query, sort }, (s) => computeOrder(orders, s, base));
          expect(inSql, `${field} ${desc} ${text}`).toEqual(Array.from(asViews));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(30);
  });
});
