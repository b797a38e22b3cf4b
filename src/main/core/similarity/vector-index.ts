// Every track's vector in one Float32Array, searched exactly: 250k × ~50 floats is 50 MB and
// one pass over it, with no index to build or keep in step. A row stops being summed once it
// is already farther than the k-th best so far, which skips most of the work of a pass.
// The raw features sit on unrelated scales (kHz, ratios, cepstra): once loaded, every row is
// standardised over the library and weighted (features/ says how), then turned onto its
// principal axes (principal-axes.ts: distances unchanged, most of each in the first few
// dimensions, so the early stop comes early), in place; each vector set afterwards the same way.
import { principalAxes } from './principal-axes.ts';

export interface Neighbour {
  id: number;
  /** Euclidean distance to the nearest of the query vectors. */
  distance: number;
}

const GROWTH = 1.25;
/** Dimensions summed between two looks at the bound: looking costs a compare, not looking costs sums. */
const STRIDE = 4;
/** Rows the covariance is estimated from: plenty for 50 dimensions, and bounded at 250k. */
const COVARIANCE_SAMPLE = 20_000;

export class VectorIndex {
  readonly dims: number;
  private ids: Int32Array;
  private data: Float32Array;
  private readonly rowOf = new Map<number, number>();
  private rows = 0;
  /** (raw − mean) × scale is what is stored once standardised; scale = weight / spread. */
  private mean: Float32Array | null = null;
  private scale: Float32Array | null = null;
  /** dims × dims, a principal axis a row; null: too few rows to estimate them, left as they are. */
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
    return this.rows;
  }

  /** Bytes held by the vectors and their ids. */
  get bytes(): number {
    return this.data.byteLength + this.ids.byteLength;
  }

  /** Adds or replaces a track's vector; one of another length is refused (another feature version). */
  set(id: number, vector: Float32Array): boolean {
    if (vector.length !== this.dims) return false;
    let row = this.rowOf.get(id);
    if (row === undefined) {
      if (this.rows === this.ids.length) this.grow(Math.ceil(this.rows * GROWTH) + 1);
      row = this.rows++;
      this.rowOf.set(id, row);
      this.ids[row] = id;
    }
    const base = row * this.dims;
    const { mean, scale, scratch } = this;
    if (mean && scale) {
      for (let d = 0; d < this.dims; d++) scratch[d] = (vector[d]! - mean[d]!) * scale[d]!;
      this.data.set(scratch, base);
      this.rotate(base);
    } else this.data.set(vector, base);
    return true;
  }

  /**
   * Standardises every row in place: each dimension to mean 0 and spread 1 over the rows held,
   * times its weight (none: 1). Vectors set later get the same figures; a library that grew a
   * lot is loaded again, and standardised anew, by the caller.
   */
  standardise(weights: ArrayLike<number> | null): void {
    if (this.mean) return;
    const { dims, rows, data } = this;
    const sum = new Float64Array(dims);
    const squares = new Float64Array(dims);
    for (let base = 0; base < rows * dims; base += dims) {
      for (let d = 0; d < dims; d++) {
        const x = data[base + d]!;
        sum[d] = sum[d]! + x;
        squares[d] = squares[d]! + x * x;
      }
    }
    const mean = new Float32Array(dims);
    const scale = new Float32Array(dims);
    for (let d = 0; d < dims; d++) {
      mean[d] = rows > 0 ? sum[d]! / rows : 0;
      const variance = rows > 1 ? (squares[d]! - rows * mean[d]! * mean[d]!) / (rows - 1) : 0;
      // A constant dimension tells nothing apart: left unscaled.
      scale[d] = (weights?.[d] ?? 1) / (variance > 1e-12 ? Math.sqrt(variance) : 1);
    }
    for (let base = 0; base < rows * dims; base += dims) {
      for (let d = 0; d < dims; d++) data[base + d] = (data[base + d]! - mean[d]!) * scale[d]!;
    }
    this.mean = mean;
    this.scale = scale;
    this.standardisedOver = rows;
    if (rows >= 2 * dims) {
      this.axes = Float32Array.from(principalAxes(this.covariance(), dims).axes);
      for (let base = 0; base < rows * dims; base += dims) this.rotate(base);
    }
  }

  /** Of the standardised rows (mean 0), from an even sample of them. */
  private covariance(): Float64Array {
    const { dims, rows, data } = this;
    const step = Math.max(1, Math.floor(rows / COVARIANCE_SAMPLE));
    const sums = new Float64Array(dims * dims);
    let n = 0;
    for (let row = 0; row < rows; row += step, n++) {
      const base = row * dims;
      for (let i = 0; i < dims; i++) {
        const x = data[base + i]!;
        for (let j = i; j < dims; j++) sums[i * dims + j] = sums[i * dims + j]! + x * data[base + j]!;
      }
    }
    for (let i = 0; i < dims; i++) {
      for (let j = i; j < dims; j++) {
        sums[i * dims + j] = sums[i * dims + j]! / Math.max(1, n - 1);
        sums[j * dims + i] = sums[i * dims + j]!;
      }
    }
    return sums;
  }

  /** The row at `base` onto the principal axes, in place. */
  private rotate(base: number): void {
    const { axes, dims, data, scratch } = this;
    if (!axes) return;
    for (let i = 0; i < dims; i++) {
      let sum = 0;
      for (let k = 0; k < dims; k++) sum += axes[i * dims + k]! * data[base + k]!;
      scratch[i] = sum;
    }
    data.set(scratch, base);
  }

  has(id: number): boolean {
    return this.rowOf.has(id);
  }

  /** A view of the stored (standardised) vector, valid until the next set. */
  vectorOf(id: number): Float32Array | null {
    const row = this.rowOf.get(id);
    return row === undefined ? null : this.data.subarray(row * this.dims, (row + 1) * this.dims);
  }

  /**
   * The k rows nearest to any of the queries (each row scored by its nearest query), nearest
   * first, leaving out `exclude`. Exact: the early stop only skips rows that cannot make the list.
   */
  nearest(queries: readonly Float32Array[], k: number, exclude: ReadonlySet<number> = new Set()): Neighbour[] {
    const top = new TopK(k);
    const { dims, data, ids } = this;
    if (queries.length === 0 || k <= 0) return [];
    for (let row = 0, base = 0; row < this.rows; row++, base += dims) {
      let best = top.bound;
      for (const query of queries) {
        let sum = 0;
        for (let d = 0; d < dims;) {
          const end = Math.min(dims, d + STRIDE);
          for (; d < end; d++) {
            const diff = data[base + d]! - query[d]!;
            sum += diff * diff;
          }
          if (sum >= best) break;
        }
        if (sum < best) best = sum;
      }
      if (best < top.bound && !exclude.has(ids[row]!)) top.offer(ids[row]!, best);
    }
    return top.sorted().map(({ id, squared }) => ({ id, distance: Math.sqrt(squared) }));
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

/** The k smallest offers so far, in a max-heap: the root is the one to beat. */
class TopK {
  private readonly ids: number[] = [];
  private readonly keys: number[] = [];
  private readonly k: number;

  constructor(k: number) {
    this.k = k;
  }

  get bound(): number {
    return this.keys.length < this.k ? Infinity : this.keys[0]!;
  }

  offer(id: number, key: number): void {
    if (this.keys.length < this.k) {
      this.ids.push(id);
      this.keys.push(key);
      this.up(this.keys.length - 1);
    } else if (key < this.keys[0]!) {
      this.ids[0] = id;
      this.keys[0] = key;
      this.down(0);
    }
  }

  sorted(): { id: number; squared: number }[] {
    return this.ids
      .map((id, i) => ({ id, squared: this.keys[i]! }))
      .sort((a, b) => a.squared - b.squared || a.id - b.id);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! >= this.keys[i]!) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.keys.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < n && this.keys[left]! > this.keys[largest]!) largest = left;
      if (right < n && this.keys[right]! > this.keys[largest]!) largest = right;
      if (largest === i) return;
      this.swap(i, largest);
      i = largest;
    }
  }

  private swap(a: number, b: number): void {
    [this.ids[a], this.ids[b]] = [this.ids[b]!, this.ids[a]!];
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
  }
}
