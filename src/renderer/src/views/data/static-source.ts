// A short list held whole (an album's tracks): the same face as a ListSource, no fetching.
import type { ListStatus, RowSource } from './list-source.ts';

export class StaticSource<R extends { id: number }> implements RowSource<R> {
  readonly status: ListStatus = 'ready';
  readonly error = null;
  firstVisible = 0;
  private readonly rows: R[];

  constructor(rows: R[]) {
    this.rows = rows;
  }

  takeShift(): number {
    return 0;
  }

  get total(): number {
    return this.rows.length;
  }

  rowAt(index: number): R | undefined {
    return this.rows[index];
  }

  idAt(index: number): number | undefined {
    return this.rows[index]?.id;
  }

  setVisible(start: number): void {
    this.firstVisible = start;
  }

  async idsBetween(start: number, stop: number): Promise<number[]> {
    return this.rows.slice(start, stop + 1).map((row) => row.id);
  }

  async rowsFrom(start: number, count: number): Promise<R[]> {
    return this.rows.slice(start, start + count);
  }

  subscribe(): () => void {
    return () => {};
  }

  getRevision(): number {
    return 0;
  }
}
