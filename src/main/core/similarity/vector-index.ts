// Every track's vector in one Float32Array, searched exactly: 250k × 64 floats is 64 MB, with
// no approximate index to build or keep in step. The raw features sit on unrelated scales
// (kHz, ratios, cepstra): once loaded, each row is standardised over the library, weighted
// (features/ says how) and turned onto the principal axes (distances unchanged, most of each
// in the first few dimensions), and the rows are sorted by the first axis. A search starts at
// the query's place in that order and walks outwards: a side ends where the first axis alone
// is farther than the k-th best, and a row stops being summed once it is farther.
import { principalAxes } from './principal-axes.ts';
import { covariance, standardisation } from './row-statistics.ts';
import { TopK } from './top-k.ts';

export interface Neighbour {
  id: number;
  /** Euclidean distance to the nearest of the query vectors. */
  distance: number;
}

const GROWTH = 1.25;
/** Rows the covariance is estimated from: plenty for 50 dimensions, and bounded at 250k. */
const COVARIANCE_SAMPLE = 20_000;
/** A row whose vector was replaced: skipped, its new vector is appended. */
const DEAD = -1;

export class VectorIndex {
  readonly dims: number;
  private ids: Int32Array;
  private data: Float32Array;
  private readonly rowOf = new Map<number, number>();
  private rows = 0;
  /** Rows [0, sorted) are in order of the first axis; the rest were set since, in no order. */
  private sorted = 0;
  /** (raw − mean) × scale, then onto the axes, is what is stored once standardised. */
  private mean: Float32Array | null = null;
  private scale: Float32Array | null = null;
  /** dims × dims, a principal axis a row; null: too few rows to estimate them. */
  private axes: Float32Array | null = null;
  private readonly scratch: Float32Array;
  /** How many rows the standardisation was computed over. */
  standardisedOver = 0;

  constructor(dims: number, capacity = 1024) {
    this.dims = dims;
    this.ids = new Int32Array(Math.max(1, capacity));
    this.data = new Float32Array(Math.max(1, capacity) * dims);
    this.scratch = new Float32Array(dims);
  }

  get size(): number {
    return this.rowOf.size;
  }

  /** Bytes held by the vectors and their ids. */
  get bytes(): number {
    return this.data.byteLength + this.ids.byteLength;
  }

  /** Adds or replaces a track's vector; one of another length is refused (another feature version). */
  set(id: number, vector: Float32Array): boolean {
    if (vector.length !== this.dims) return false;
    const base = this.rowFor(id) * this.dims;
    this.data.set(vector, base);
    if (this.mean) this.transform(base);
    return true;
  }

  /** The row a vector for this id goes in: its own, or a new one. */
  private rowFor(id: number): number {
    let row = this.rowOf.get(id);
    // A row of the sorted part cannot move in place: it is left dead and the vector appended.
    if (row !== undefined && row < this.sorted) {
      this.ids[row] = DEAD;
      row = undefined;
    }
    if (row === undefined) {
      if (this.rows === this.ids.length) this.grow(Math.ceil(this.rows * GROWTH) + 1);
      row = this.rows++;
      this.rowOf.set(id, row);
      this.ids[row] = id;
    }
    return row;
  }

  /** As set, from a stored blob's bytes (no copy on the way: 250k of them are loaded at once). */
  setBytes(id: number, bytes: Uint8Array): boolean {
    if (bytes.byteLength !== this.dims * 4) return false;
    const row = this.rowFor(id);
    new Uint8Array(this.data.buffer, row * this.dims * 4, bytes.byteLength).set(bytes);
    if (this.mean) this.transform(row * this.dims);
    return true;
  }

  has(id: number): boolean {
    return this.rowOf.has(id);
  }

  /** A copy of the stored (transformed) vector: a query for the others. */
  vectorOf(id: number): Float32Array | null {
    const row = this.rowOf.get(id);
    return row === undefined ? null : this.data.slice(row * this.dims, (row + 1) * this.dims);
  }

  /**
   * Standardises, turns and sorts every row, once: each dimension to mean 0 and spread 1, times
   * its weight (none: 1). Vectors set later get the same figures; a library that grew a lot is
   * loaded again, and standardised anew, by the caller.
   */
  standardise(weights: ArrayLike<number> | null): void {
    if (this.mean) return;
    const { dims, rows } = this;
    ({ mean: this.mean, scale: this.scale } = standardisation(this.data, rows, dims, weights));
    for (let base = 0; base < rows * dims; base += dims) this.scaleRow(base);
    if (rows >= 2 * dims) {
      this.axes = Float32Array.from(principalAxes(covariance(this.data, rows, dims, COVARIANCE_SAMPLE), dims).axes);
      for (let base = 0; base < rows * dims; base += dims) this.rotateRow(base);
    }
    this.standardisedOver = rows;
    this.sortByFirstAxis();
  }

  /**
   * The k rows nearest to any of the queries (each row scored by its nearest query), nearest
   * first, leaving out `exclude`. Exact. The queries are searched one after the other into one
   * list, so each after the first starts with the bound the others left.
   */
  nearest(queries: readonly Float32Array[], k: number, exclude: ReadonlySet<number> = new Set()): Neighbour[] {
    if (queries.length === 0 || k <= 0) return [];
    const top = new TopK(k);
    for (const query of queries) this.search(query, top, exclude);
    return top.sorted().map(({ id, key }) => ({ id, distance: Math.sqrt(key) }));
  }

  private search(query: Float32Array, top: TopK, exclude: ReadonlySet<number>): void {
    const { dims, data } = this;
    const first = query[0]!;
    // Outwards from the query's place in the sorted part, the nearer side first.
    let below = this.firstAtLeast(first) - 1;
    let above = below + 1;
    for (;;) {
      const gapBelow = below >= 0 ? first - data[below * dims]! : Infinity;
      const gapAbove = above < this.sorted ? data[above * dims]! - first : Infinity;
      const gap = Math.min(gapBelow, gapAbove);
      if (gap * gap >= top.bound) break;
      this.consider(gapBelow <= gapAbove ? below-- : above++, query, top, exclude);
    }
    for (let row = this.sorted; row < this.rows; row++) this.consider(row, query, top, exclude);
  }

  /** Offers the row unless it is already farther than the k-th best (looked at every 4 dimensions). */
  private consider(row: number, query: Float32Array, top: TopK, exclude: ReadonlySet<number>): void {
    const { dims, data } = this;
    const bound = top.bound;
    const base = row * dims;
    let sum = 0;
    let d = 0;
    for (; d + 4 <= dims; d += 4) {
      const a = data[base + d]! - query[d]!;
      const b = data[base + d + 1]! - query[d + 1]!;
      const c = data[base + d + 2]! - query[d + 2]!;
      const e = data[base + d + 3]! - query[d + 3]!;
      sum += a * a + b * b + c * c + e * e;
      if (sum >= bound) return;
    }
    for (; d < dims; d++) {
      const diff = data[base + d]! - query[d]!;
      sum += diff * diff;
    }
    if (sum >= bound) return;
    const id = this.ids[row]!;
    if (id !== DEAD && !exclude.has(id)) top.offer(id, sum);
  }

  /** The first sorted row whose first coordinate is at least `value`. */
  private firstAtLeast(value: number): number {
    let lo = 0;
    let hi = this.sorted;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.data[mid * this.dims]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Sorts the rows by their first coordinate in place (a second 50 MB copy is what this saves). */
  private sortByFirstAxis(): void {
    const { dims, data, ids } = this;
    // Only ever at the first standardise, before any row could be dead: a full permutation.
    const order = Array.from({ length: this.rows }, (_, row) => row);
    order.sort((a, b) => data[a * dims]! - data[b * dims]!);
    // Row `to` takes row order[to]: follow each cycle of the permutation with one row in hand.
    const placed = new Uint8Array(this.rows);
    const held = new Float32Array(dims);
    for (let start = 0; start < order.length; start++) {
      if (placed[start] || order[start] === start) {
        placed[start] = 1;
        continue;
      }
      held.set(data.subarray(start * dims, (start + 1) * dims));
      const heldId = ids[start]!;
      let to = start;
      for (;;) {
        const from = order[to]!;
        placed[to] = 1;
        if (from === start) {
          data.set(held, to * dims);
          ids[to] = heldId;
          break;
        }
        data.copyWithin(to * dims, from * dims, (from + 1) * dims);
        ids[to] = ids[from]!;
        to = from;
      }
    }
    this.sorted = this.rows;
    this.rowOf.clear();
    for (let row = 0; row < this.rows; row++) this.rowOf.set(ids[row]!, row);
  }

  private transform(base: number): void {
    this.scaleRow(base);
    this.rotateRow(base);
  }

  private scaleRow(base: number): void {
    const { mean, scale, data } = this;
    for (let d = 0; d < this.dims; d++) data[base + d] = (data[base + d]! - mean![d]!) * scale![d]!;
  }

  /** The row onto the principal axes, in place. */
  private rotateRow(base: number): void {
    const { axes, dims, data, scratch } = this;
    if (!axes) return;
    for (let i = 0; i < dims; i++) {
      let sum = 0;
      for (let k = 0; k < dims; k++) sum += axes[i * dims + k]! * data[base + k]!;
      scratch[i] = sum;
    }
    data.set(scratch, base);
  }

  private grow(capacity: number): void {
    const ids = new Int32Array(capacity);
    ids.set(this.ids.subarray(0, this.rows));
    const data = new Float32Array(capacity * this.dims);
    data.set(this.data.subarray(0, this.rows * this.dims));
    this.ids = ids;
    this.data = data;
  }
}
