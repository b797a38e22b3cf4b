// The k smallest offers so far, one per id (an id offered again keeps its smallest key), in a
// max-heap: the root is the one to beat.
export class TopK {
  private readonly ids: number[] = [];
  private readonly keys: number[] = [];
  /** Where each id is in the heap. */
  private readonly at = new Map<number, number>();
  private readonly k: number;

  constructor(k: number) {
    this.k = k;
  }

  /** What an offer must be below to get in: Infinity until k are in. */
  get bound(): number {
    return this.keys.length < this.k ? Infinity : this.keys[0]!;
  }

  offer(id: number, key: number): void {
    const held = this.at.get(id);
    if (held !== undefined) {
      // A smaller key for an id held: it sinks from its place (a max-heap's larger keys sit above).
      if (key < this.keys[held]!) {
        this.keys[held] = key;
        this.down(held);
      }
    } else if (this.keys.length < this.k) {
      this.ids.push(id);
      this.keys.push(key);
      this.at.set(id, this.keys.length - 1);
      this.up(this.keys.length - 1);
    } else if (key < this.keys[0]!) {
      this.at.delete(this.ids[0]!);
      this.ids[0] = id;
      this.keys[0] = key;
      this.at.set(id, 0);
      this.down(0);
    }
  }

  /** Smallest first, ties by id. */
  sorted(): { id: number; key: number }[] {
    return this.ids.map((id, i) => ({ id, key: this.keys[i]! })).sort((a, b) => a.key - b.key || a.id - b.id);
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
    this.at.set(this.ids[a]!, a);
    this.at.set(this.ids[b]!, b);
  }
}
