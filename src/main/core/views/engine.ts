// The views: snapshots of ordered ids per (view, sort, filter, library version), windows of
// rows out of them, search, and the album, artist and folder pages. Synchronous on one
// connection; it runs in the views thread (views/worker.ts) so that the main process's
// event loop never waits on a 250k-row sort, and in `tonearm query`, which has nothing else to do.
import type { ArtistRow, GenreRow } from '../../../shared/domain.ts';
import { TonearmError } from '../../../shared/result.ts';
import type {
  TrackFilter,
  AlbumPage,
  ArtistPage,
  FolderNode,
  OpenedView,
  SearchResult,
  TrackSort,
  ViewRows,
  ViewSpec,
} from '../../../shared/views.ts';
import type { CatalogReads } from '../catalog/reads/index.ts';
import { FolderTrees } from './folders.ts';
import { LibraryTables, type ArtistFacts } from './library-tables.ts';
import { parseQuery } from './query-language.ts';
import { searchGroups } from './search-groups.ts';
import { BASE_SORT, computeOrder, dependsOnPlays, firstIds, sortByOrder, type TrackOrder } from './track-order.ts';
import { searchDependsOnPlays, TrackSets } from './track-sets.ts';

export interface OpenOptions {
  /** The snapshot the caller shows now: if the new one has the same ids, it is kept. */
  previous?: number;
  /** A row whose new position the caller wants (the first row on screen, to keep it there). */
  anchorId?: number;
  /** Rows before the anchor to include in the window. */
  lead?: number;
  /** Where the window starts when there is no anchor (or it is gone). */
  offset?: number;
  limit: number;
}

interface Snapshot {
  id: number;
  key: string;
  spec: ViewSpec;
  /** The latest library version the ids are known to hold at. */
  version: number;
  /**
   * All the ids; null while only the first rows are known: a list opened on a sort not read
   * yet gets those at once, and the views thread reads the rest right after replying (settle).
   */
  ids: Int32Array | null;
  head: Int32Array;
  total: number;
}

// What the thread keeps, bounded: at 250k tracks a whole-library order is 2 MB (ids and
// ranks) and a snapshot up to 1 MB.
const MAX_SNAPSHOTS = 48;
const MAX_SNAPSHOT_IDS = 3_000_000;
const MAX_ORDERS = 4;
/** A first window from SQL is worth it up to here; further down, the whole order is read. */
const HEAD_ROWS = 300;
const GROUP_LIMIT = 12;
/** A playlist up to this many tracks is sorted in SQL when the library's order is not read. */
const SQL_SORT_MAX = 20_000;

const specKey = (spec: ViewSpec): string => JSON.stringify(spec);
export const normalizeSearch = (text: string): string => text.trim().replace(/\s+/g, ' ');
const orderKey = (sort: TrackSort): string => `${sort.field}:${sort.desc}`;

export class ViewsEngine {
  private readonly reads: CatalogReads;
  private readonly sets: TrackSets;
  private readonly orders = new Map<string, { version: number; order: TrackOrder }>();
  /** In least recently used order. */
  private readonly snapshots = new Map<number, Snapshot>();
  private readonly latest = new Map<string, number>();
  private tables: LibraryTables | null = null;
  private folderTrees: FolderTrees | null = null;
  private lastSnapshotId = 0;

  constructor(reads: CatalogReads) {
    this.reads = reads;
    this.sets = new TrackSets(reads.sets, reads.smart, (sort) => this.trackOrder(sort, this.version()));
  }

  open(spec: ViewSpec, options: OpenOptions): OpenedView {
    return this.read(() => {
      const version = this.version();
      const headOnly =
        options.previous === undefined && options.anchorId === undefined
          ? (options.offset ?? 0) + options.limit
          : Infinity;
      const snapshot = this.snapshotFor(spec, version, options.previous, headOnly);
      const anchorIndex = options.anchorId === undefined ? -1 : this.idsOf(snapshot).indexOf(options.anchorId);
      const start = anchorIndex >= 0 ? anchorIndex - (options.lead ?? 0) : (options.offset ?? 0);
      const offset = Math.max(0, Math.min(start, snapshot.total - options.limit));
      return {
        snapshotId: snapshot.id,
        version,
        total: snapshot.total,
        unchanged: options.previous === snapshot.id,
        anchorIndex,
        offset,
        rows: this.rowsOf(snapshot, offset, options.limit),
      };
    });
  }

  window(snapshotId: number, offset: number, limit: number): ViewRows {
    return this.read(() => this.rowsOf(this.snapshot(snapshotId), offset, limit));
  }

  ids(snapshotId: number, offset: number, limit: number): number[] {
    return this.read(() => Array.from(this.idsOf(this.snapshot(snapshotId)).subarray(offset, offset + limit)));
  }

  /** Reads the rest of the snapshots answered with their first rows only (the views thread, when idle). */
  settle(): void {
    this.read(() => {
      for (const snapshot of [...this.snapshots.values()]) {
        if (snapshot.ids) continue;
        try {
          this.idsOf(snapshot);
        } catch (err) {
          // The library changed under it (it was dropped): the list that has it opens it again.
          if (!(err instanceof TonearmError)) throw err;
        }
      }
    });
  }

  search(typed: string, sort: TrackSort, limit: number): SearchResult {
    // "the " and "the" are one search (and one cached snapshot).
    const text = normalizeSearch(typed);
    return this.read(() => {
      const query = parseQuery(text);
      const songs = this.open({ kind: 'tracks', filter: { type: 'search', text }, sort }, { limit });
      const groups = searchGroups(
        this.tablesAt(songs.version),
        query,
        this.idsOf(this.snapshot(songs.snapshotId)),
        GROUP_LIMIT,
      );
      return {
        problems: query.problems,
        songs,
        albums: this.reads.rows.albums(groups.albumIds),
        albumCount: groups.albumCount,
        artists: groups.artists,
        artistCount: groups.artistCount,
      };
    });
  }

  album(albumId: number): AlbumPage | null {
    return this.read(() => {
      const [album] = this.reads.rows.albums([albumId]);
      return album ? { album, tracks: this.reads.rows.albumTracks(albumId) } : null;
    });
  }

  artist(artistId: number): ArtistPage | null {
    return this.read(() => {
      const tables = this.tablesAt(this.version());
      const facts = tables.artists().get(artistId);
      if (!facts) return null;
      const ids = tables.albumOrder('year').filter((id) => {
        const album = tables.albums().get(id);
        return album !== undefined && tables.albumOf(album, artistId);
      });
      return { artist: toArtistRow(facts), albums: this.reads.rows.albums(ids) };
    });
  }

  folders(path: string | null): FolderNode[] {
    return this.read(() => {
      const version = this.version();
      if (!this.folderTrees || !this.holds(this.folderTrees.version, version, false)) {
        this.folderTrees = new FolderTrees(this.reads.library, version);
      }
      return this.folderTrees.list(path);
    });
  }

  /**
   * Opens the default Songs view before anyone asks (its first rows at once, the rest of the
   * order as soon as the thread is idle): the renderer's first open finds it ready.
   */
  warm(): void {
    this.open({ kind: 'tracks', filter: { type: 'all' }, sort: BASE_SORT }, { limit: 100 });
  }

  /** A smart playlist's tracks in its own order: what "play" queues and `playlists.trackIds` answers. */
  smartTrackIds(playlistId: number): number[] {
    return this.read(() => Array.from(this.trackIds(this.smartSpec(playlistId, null))));
  }

  /** A tracks view's ids, whole: `tonearm query`. */
  trackIds(spec: Extract<ViewSpec, { kind: 'tracks' }>): Int32Array {
    return this.read(() => this.idsOf(this.snapshotFor(spec, this.version(), undefined, Infinity)));
  }

  private read<T>(work: () => T): T {
    return this.reads.consistent(work);
  }

  private version(): number {
    return this.reads.versions.version();
  }

  /** Whether what held at `from` still holds at `to`: nothing added, removed or re-tagged between. */
  private holds(from: number, to: number, playsMatter: boolean): boolean {
    if (from === to) return true;
    const scope = this.reads.versions.scope(from, to);
    return !scope.reshaped && (!playsMatter || !scope.touched);
  }

  /** Whether a snapshot of `spec` taken at `from` still holds at `to`. */
  private specHolds(spec: ViewSpec, from: number, to: number): boolean {
    // A playlist edit is a version that touches no track: only a re-read can tell what it changed.
    if (spec.kind === 'playlist') return from === to;
    // A smart playlist's query may have been edited: that version, too, touches no track.
    if (spec.kind === 'tracks' && spec.filter.type === 'smart') return from === to;
    return this.holds(from, to, this.playsMatter(spec));
  }

  private playsMatter(spec: ViewSpec): boolean {
    if (spec.kind !== 'tracks') return false;
    return dependsOnPlays(spec.sort.field) || (spec.filter.type === 'search' && searchDependsOnPlays(spec.filter.text));
  }

  private snapshot(id: number): Snapshot {
    const snapshot = this.snapshots.get(id);
    if (!snapshot) throw new TonearmError('NOT_FOUND', `The view ${id} has expired; open it again`);
    this.snapshots.delete(id);
    this.snapshots.set(id, snapshot);
    return snapshot;
  }

  private idsOf(snapshot: Snapshot): Int32Array {
    if (!snapshot.ids) {
      // Its first rows were read at its version: the rest must be read at a version that agrees.
      const version = this.version();
      if (!this.specHolds(snapshot.spec, snapshot.version, version)) {
        this.drop(snapshot);
        throw new TonearmError('NOT_FOUND', `The view ${snapshot.id} changed before it was read; open it again`);
      }
      snapshot.version = version;
      snapshot.ids = this.computeIds(snapshot.spec, version);
      snapshot.head = snapshot.ids;
      snapshot.total = snapshot.ids.length;
    }
    return snapshot.ids;
  }

  /** `headOnly`: the rows the caller needs at once; Infinity when it needs every id now. */
  private snapshotFor(spec: ViewSpec, version: number, previous: number | undefined, headOnly: number): Snapshot {
    const key = specKey(spec);
    const latestId = this.latest.get(key);
    const latest = latestId === undefined ? undefined : this.snapshots.get(latestId);
    if (latest && this.specHolds(spec, latest.version, version)) {
      latest.version = version;
      return this.snapshot(latest.id);
    }
    const head = headOnly <= HEAD_ROWS ? this.head(spec, version) : null;
    if (head) return this.keep({ id: ++this.lastSnapshotId, key, spec, version, ids: null, ...head });
    const ids = this.computeIds(spec, version);
    const before = previous === undefined ? undefined : this.snapshots.get(previous);
    if (before?.ids && before.key === key && sameIds(before.ids, ids)) {
      before.version = version;
      this.latest.set(key, before.id);
      return this.snapshot(before.id);
    }
    return this.keep({ id: ++this.lastSnapshotId, key, spec, version, ids, head: ids, total: ids.length });
  }

  /** The first rows of a whole-library order not read yet, and the count; null where not worth it. */
  private head(spec: ViewSpec, version: number): { head: Int32Array; total: number } | null {
    if (spec.kind !== 'tracks' || spec.filter.type !== 'all') return null;
    const cached = this.orders.get(orderKey(spec.sort));
    if (cached && this.holds(cached.version, version, dependsOnPlays(spec.sort.field))) return null;
    const head = firstIds(this.reads.orders, spec.sort, HEAD_ROWS);
    return head && { head, total: this.reads.versions.trackCount() };
  }

  private keep(snapshot: Snapshot): Snapshot {
    this.snapshots.set(snapshot.id, snapshot);
    this.latest.set(snapshot.key, snapshot.id);
    this.evict();
    return snapshot;
  }

  private drop(snapshot: Snapshot): void {
    this.snapshots.delete(snapshot.id);
    if (this.latest.get(snapshot.key) === snapshot.id) this.latest.delete(snapshot.key);
  }

  private evict(): void {
    let total = 0;
    for (const snapshot of this.snapshots.values()) total += snapshot.total;
    for (const snapshot of this.snapshots.values()) {
      if (this.snapshots.size <= MAX_SNAPSHOTS && total <= MAX_SNAPSHOT_IDS) break;
      if (this.snapshots.size === 1) break;
      this.drop(snapshot);
      total -= snapshot.total;
    }
  }

  private computeIds(spec: ViewSpec, version: number): Int32Array {
    switch (spec.kind) {
      case 'tracks': {
        const order = this.trackOrder(spec.sort, version);
        const { filter } = spec;
        // Various Artists holds albums of other album artists: its tracks are not one artist_id's.
        const various = filter.type === 'artist' && filter.artistId === this.tablesAt(version).variousArtistsId();
        const members = various ? this.tablesAt(version).artistTracks(filter.artistId) : this.members(filter);
        return members === null ? order.ids : sortByOrder(members, order);
      }
      case 'albums': {
        const tables = this.tablesAt(version);
        let ids = tables.albumOrder(spec.sort.field);
        if (spec.filter.type === 'artist') {
          const { artistId } = spec.filter;
          ids = ids.filter((id) => {
            const album = tables.albums().get(id);
            return album !== undefined && tables.albumOf(album, artistId);
          });
        }
        return spec.sort.desc ? ids.slice().reverse() : ids;
      }
      case 'artists':
        return orderRows([...this.tablesAt(version).artists().values()], spec.sort);
      case 'genres':
        return orderRows([...this.tablesAt(version).genres()], spec.sort);
      case 'playlist':
        return this.playlistIds(spec, version);
    }
  }

  private members(filter: TrackFilter): number[] | null {
    if (filter.type !== 'smart') return this.sets.members(filter);
    return this.sets.members({ type: 'search', text: this.smartQuery(filter.playlistId) });
  }

  private smartQuery(playlistId: number): string {
    const text = this.reads.playlists.smartQuery(playlistId);
    if (text === undefined) throw new TonearmError('NOT_FOUND', `No playlist ${playlistId}`);
    if (text === null) throw new TonearmError('BAD_INPUT', `Playlist ${playlistId} is not a smart playlist`);
    return text;
  }

  /** The tracks view of a smart playlist; sort null: the query's own (album artist order without one). */
  private smartSpec(playlistId: number, sort: TrackSort | null): Extract<ViewSpec, { kind: 'tracks' }> {
    const query = parseQuery(normalizeSearch(this.smartQuery(playlistId)));
    return { kind: 'tracks', filter: { type: 'smart', playlistId }, sort: sort ?? query.sort ?? BASE_SORT };
  }

  private playlistIds(spec: Extract<ViewSpec, { kind: 'playlist' }>, version: number): Int32Array {
    if (!this.reads.playlists.exists(spec.playlistId))
      throw new TonearmError('NOT_FOUND', `No playlist ${spec.playlistId}`);
    if (this.reads.playlists.smartQuery(spec.playlistId) !== null) return this.smartEntryIds(spec, version);
    let entries = this.reads.playlists.order(spec.playlistId);
    const text = normalizeSearch(spec.search ?? '');
    if (text) {
      const hits = new Set(this.sets.members({ type: 'search', text }));
      entries = entries.filter(([, trackId]) => trackId !== null && hits.has(trackId));
    }
    if (spec.sort) {
      const rankOf = this.rankIn(spec.sort, version, entries);
      // Stable: the same track twice, or tracks of one rank, keep the playlist's order.
      entries = entries
        .map((entry, index) => ({ entry, index, rank: rankOf(entry[1]) }))
        .sort((a, b) => a.rank - b.rank || a.index - b.index)
        .map(({ entry }) => entry);
    }
    return Int32Array.from(entries, ([entryId]) => entryId);
  }

  /**
   * How to rank a playlist's tracks in a sort: by the whole-library order when it is cached;
   * else a playlist of a few thousand tracks sorted by a value is sorted in SQL (ms, where
   * reading the library's order takes 50–150 ms at 250k tracks). Entries without a track go
   * last; a track the order does not know yet just before them.
   */
  private rankIn(
    sort: TrackSort,
    version: number,
    entries: [entryId: number, trackId: number | null][],
  ): (trackId: number | null) => number {
    const cached = this.orders.get(orderKey(sort));
    if (!cached || !this.holds(cached.version, version, dependsOnPlays(sort.field))) {
      const trackIds = [...new Set(entries.flatMap(([, trackId]) => trackId ?? []))];
      const sorted = trackIds.length <= SQL_SORT_MAX ? this.reads.smart.ordered(trackIds, sort, null) : null;
      if (sorted) {
        const ranks = new Map(sorted.map((id, index) => [id, index]));
        return (trackId) => (trackId === null ? Infinity : (ranks.get(trackId) ?? Number.MAX_SAFE_INTEGER));
      }
    }
    const { rank } = this.trackOrder(sort, version);
    return (trackId) =>
      trackId === null ? Infinity : (rank[trackId] ?? -1) < 0 ? Number.MAX_SAFE_INTEGER : rank[trackId]!;
  }

  /** A smart playlist as a playlist view: its track ids are its entry ids. */
  private smartEntryIds(spec: Extract<ViewSpec, { kind: 'playlist' }>, version: number): Int32Array {
    const tracks = this.smartSpec(spec.playlistId, spec.sort);
    const ids = this.computeIds(tracks, version);
    const text = normalizeSearch(spec.search ?? '');
    if (!text) return ids;
    const hits = new Set(this.sets.members({ type: 'search', text }));
    return ids.filter((id) => hits.has(id));
  }

  private trackOrder(sort: TrackSort, version: number): TrackOrder {
    const key = orderKey(sort);
    const cached = this.orders.get(key);
    if (cached && this.holds(cached.version, version, dependsOnPlays(sort.field))) {
      cached.version = version;
      this.orders.delete(key);
      this.orders.set(key, cached);
      return cached.order;
    }
    const order = computeOrder(this.reads.orders, sort, () => this.trackOrder(BASE_SORT, version));
    this.orders.set(key, { version, order });
    for (const old of this.orders.keys()) {
      if (this.orders.size <= MAX_ORDERS) break;
      if (old !== orderKey(BASE_SORT)) this.orders.delete(old);
    }
    return order;
  }

  private tablesAt(version: number): LibraryTables {
    if (!this.tables || !this.holds(this.tables.version, version, false)) {
      this.tables = new LibraryTables(this.reads.library, version);
    }
    return this.tables;
  }

  private rowsOf(snapshot: Snapshot, offset: number, limit: number): ViewRows {
    const all = offset + limit <= snapshot.head.length ? snapshot.head : this.idsOf(snapshot);
    const ids = all.subarray(offset, offset + limit);
    const idList = Array.from(ids);
    switch (snapshot.spec.kind) {
      case 'tracks':
        return { kind: 'tracks', ids: idList, rows: this.reads.rows.tracks(ids) };
      case 'albums':
        return { kind: 'albums', ids: idList, rows: this.reads.rows.albums(ids) };
      case 'artists': {
        const artists = this.tablesAt(this.version()).artists();
        return {
          kind: 'artists',
          ids: idList,
          rows: idList.flatMap((id) => {
            const facts = artists.get(id);
            return facts ? [toArtistRow(facts)] : [];
          }),
        };
      }
      case 'genres': {
        const genres = new Map(
          this.tablesAt(this.version())
            .genres()
            .map((genre) => [genre.id, genre]),
        );
        return {
          kind: 'genres',
          ids: idList,
          rows: idList.flatMap((id): GenreRow[] => {
            const genre = genres.get(id);
            return genre ? [{ id: genre.id, name: genre.name, trackCount: genre.trackCount }] : [];
          }),
        };
      }
      case 'playlist': {
        const smart = this.reads.playlists.smartQuery(snapshot.spec.playlistId);
        const rows = smart ? this.reads.playlists.trackEntries(ids) : this.reads.playlists.entriesByIds(ids);
        return { kind: 'playlist', ids: idList, rows };
      }
    }
  }
}

const toArtistRow = (facts: ArtistFacts): ArtistRow => ({
  id: facts.id,
  name: facts.name,
  albumCount: facts.albumCount,
  trackCount: facts.trackCount,
});

function orderRows(
  rows: { id: number; key: string; trackCount: number }[],
  sort: { field: 'name' | 'trackCount'; desc: boolean },
): Int32Array {
  const byName = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  rows.sort(sort.field === 'name' ? byName : (a, b) => a.trackCount - b.trackCount || byName(a, b));
  const ids = Int32Array.from(rows, (row) => row.id);
  return sort.desc ? ids.reverse() : ids;
}

function sameIds(a: Int32Array, b: Int32Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
