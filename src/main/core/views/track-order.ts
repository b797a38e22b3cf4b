// The order of every track for one sort, read off an index: the ids in order of the sort's
// value, and the sizes of the runs of equal values. Runs are then put in album artist order
// (the base order) and, for a descending sort, reversed as wholes, so that "year, newest
// first" still lists each album's tracks from the first. Filtered views reuse these orders
// through `rank`: sorting a search's 100k hits is then an integer sort.
import type { TrackSort } from '../../../shared/views.ts';
import { dependsOnPlays, headKind, type TrackOrderReads } from '../catalog/reads/track-orders.ts';
import { EMPTY_SORT_KEY, sortKey } from '../catalog/sort-key.ts';

export { dependsOnPlays };

export interface TrackOrder {
  ids: Int32Array;
  /** Position of each track id in `ids`; -1 for ids not in it. */
  rank: Int32Array;
}

/** The base order: what ties are broken by, and the Songs view's default. */
export const BASE_SORT: TrackSort = { field: 'albumArtist', desc: false };

/** Runs this short are sorted from their own index; longer ones walked in tie order. */
const SHORT_RUN = 2000;
const FIRST_VALUES = 64;

// Few distinct values (a format, track number 1): the first run is tens of thousands of rows
// spread over the whole table, too many to sort here, so the head is read run after run.
function headByRuns(reads: TrackOrderReads, sort: TrackSort, limit: number): Int32Array | null {
  const values = sort.field === 'genre' ? genreRuns(reads, sort.desc) : reads.firstValues(sort, FIRST_VALUES);
  const ids: number[] = [];
  for (const value of values) {
    const size = reads.runSize(sort.field, value);
    if (size === 0) continue;
    ids.push(...reads.runHead(sort.field, value, limit - ids.length, size <= SHORT_RUN));
    if (ids.length >= limit) return Int32Array.from(ids);
  }
  // Fewer rows than asked in the first values: the list is short, or values are many and tiny.
  return values.length < FIRST_VALUES ? Int32Array.from(ids) : null;
}

/**
 * A first value shared by thousands of tracks (every file 1 s long, years unknown): one
 * statement would sort all of them for a screenful, so they are walked along the album artist
 * index, already in tie order. That walk reads about limit × tracks / run rows, the sort the
 * run's: it wins once the run is longer than √(limit × tracks).
 */
function headOfLongRun(reads: TrackOrderReads, sort: TrackSort, limit: number): Int32Array | null {
  const run = reads.longFirstRun(sort, Math.ceil(Math.sqrt(limit * reads.maxTrackId())));
  const ids = run && reads.runHead(sort.field, run.value, limit, false);
  return ids && ids.length >= limit ? Int32Array.from(ids) : null;
}

/**
 * The first `limit` ids of the order, straight from SQL (what a list shows while the whole
 * order is still being read); null where only the whole order gives them (the play statistics).
 */
export function firstIds(reads: TrackOrderReads, sort: TrackSort, limit: number): Int32Array | null {
  switch (headKind(sort.field)) {
    case 'runs':
      return headByRuns(reads, sort, limit);
    case 'statement':
      return headOfLongRun(reads, sort, limit) ?? reads.head(sort, limit);
    case null:
      return null;
  }
}

/** `base` is asked for only when ties need breaking. */
export function computeOrder(reads: TrackOrderReads, sort: TrackSort, base: () => TrackOrder): TrackOrder {
  const maxId = reads.maxTrackId() + 1;
  let ids = reads.ids(sort.field);
  const tiesOrdered = reads.tiesOrdered(sort.field);
  const needRuns = reads.hasRuns(sort.field) && (sort.desc || !tiesOrdered);
  let runs = needRuns ? reads.runs(sort.field) : null;

  if (dependsOnPlays(sort.field)) {
    // Tracks never played (or never rated) are one run, first: the least played.
    const rated = new Uint8Array(maxId);
    for (const id of ids) rated[id] = 1;
    const unrated = base().ids.filter((id) => rated[id] === 0);
    ids = concat(unrated, ids);
    runs = [unrated.length, ...(runs ?? [])];
  }
  if (sort.field === 'genre') [ids, runs] = byGenreName(reads, ids);

  const starts = runStarts(runs, ids.length);
  if (!tiesOrdered) {
    const order = base();
    for (let r = 0; r + 1 < starts.length; r++) breakTies(ids.subarray(starts[r]!, starts[r + 1]!), order);
  }
  if (sort.desc) ids = reverseRuns(ids, runs ? starts : null);
  return { ids, rank: rankOf(ids, maxId) };
}

function concat(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Run boundaries: [0, end of run 1, …, length]. Without runs, the whole list is one run. */
function runStarts(runs: number[] | null, length: number): number[] {
  const starts = [0];
  for (const size of runs ?? [length]) starts.push(starts.at(-1)! + size);
  return starts;
}

/** Within a run of equal values, the album artist order. */
function breakTies(run: Int32Array, base: TrackOrder): void {
  if (run.length < 2) return;
  for (let i = 0; i < run.length; i++) run[i] = base.rank[run[i]!]!;
  run.sort();
  for (let i = 0; i < run.length; i++) run[i] = base.ids[run[i]!]!;
}

/** Runs in reverse order, each run still in its own order; without runs, plainly reversed. */
function reverseRuns(ids: Int32Array, starts: number[] | null): Int32Array {
  if (!starts) return ids.slice().reverse();
  const out = new Int32Array(ids.length);
  let at = 0;
  for (let r = starts.length - 2; r >= 0; r--) {
    out.set(ids.subarray(starts[r]!, starts[r + 1]!), at);
    at += starts[r + 1]! - starts[r]!;
  }
  return out;
}

/**
 * Genre ids (null: no genre) in the order of the genres' names; ties and nameless genres as
 * the genre index has them (null first), which is how the whole order breaks them too.
 */
function genreOrder(reads: TrackOrderReads, genreIds: (number | null)[]): (number | null)[] {
  const names = new Map(reads.genreNames().map(([id, name]) => [id, sortKey(name)]));
  const keyed = genreIds.map((genreId) => ({
    genreId,
    key: (genreId !== null && names.get(genreId)) || EMPTY_SORT_KEY,
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ genreId }) => genreId);
}

/** The runs of the genre order, first to last. */
function genreRuns(reads: TrackOrderReads, desc: boolean): (number | null)[] {
  const order = genreOrder(reads, [null, ...reads.genreIds()]);
  return desc ? order.reverse() : order;
}

/** The genre index orders by genre id: put its runs in order of the genres' names. */
function byGenreName(reads: TrackOrderReads, ids: Int32Array): [Int32Array, number[]] {
  const runs = reads.genreRuns();
  const starts = runStarts(
    runs.map(([, size]) => size),
    ids.length,
  );
  const position = new Map(runs.map(([genreId], i) => [genreId, i]));
  const order = genreOrder(
    reads,
    runs.map(([genreId]) => genreId),
  ).map((genreId) => position.get(genreId)!);
  const out = new Int32Array(ids.length);
  let at = 0;
  for (const i of order) {
    out.set(ids.subarray(starts[i]!, starts[i + 1]!), at);
    at += starts[i + 1]! - starts[i]!;
  }
  return [out, order.map((i) => runs[i]![1])];
}

export function rankOf(ids: Int32Array, size: number): Int32Array {
  const rank = new Int32Array(size).fill(-1);
  for (let i = 0; i < ids.length; i++) rank[ids[i]!] = i;
  return rank;
}

/**
 * These ids in the order's order; ids the order does not know (newer) go last, by id. A big
 * set (a broad search) is marked on the order and read back in one pass rather than sorted.
 */
export function sortByOrder(ids: ArrayLike<number>, order: TrackOrder): Int32Array {
  const out = new Int32Array(ids.length);
  const unknown: number[] = [];
  let n = 0;
  if (ids.length * 16 > order.ids.length) {
    const marks = new Uint8Array(order.ids.length);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const rank = id < order.rank.length ? order.rank[id]! : -1;
      if (rank >= 0) marks[rank] = 1;
      else unknown.push(id);
    }
    for (let rank = 0; rank < marks.length; rank++) if (marks[rank] === 1) out[n++] = order.ids[rank]!;
  } else {
    const ranks = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const rank = id < order.rank.length ? order.rank[id]! : -1;
      if (rank >= 0) ranks[n++] = rank;
      else unknown.push(id);
    }
    const sorted = ranks.subarray(0, n).sort();
    for (let i = 0; i < n; i++) out[i] = order.ids[sorted[i]!]!;
  }
  unknown.sort((a, b) => a - b);
  out.set(unknown, n);
  return out.subarray(0, n + unknown.length);
}
