// One list's window onto a snapshot in the main process: the rows of the pages the list has
// scrolled to (never the whole library), kept current as the library changes. A change either
// leaves the snapshot valid (only the changed rows are fetched again) or brings a new one,
// in which case the first row on screen is found in it so the list can keep it in place.
import type { LibraryChange } from '../../../../shared/domain.ts';
import { errorMessage } from '../../../../shared/error-text.ts';
import type { OpenedView, ViewRows, ViewSpec } from '../../../../shared/views.ts';
import { TonearmError } from '../../../../shared/result.ts';
import { catchUp, type Call } from './catch-up.ts';
import { moved, still, wantedRows } from './read-ahead.ts';

export const PAGE = 100;
/** Rows above the anchor and in all asked for with a new snapshot: a screen and some. */
const LEAD = 20;
const SCREEN = PAGE;
/** Loaded rows beyond this many are dropped, furthest from the screen first. */
const MAX_LOADED = 5000;
/** Pages next to each other that are missing are asked for in one window, up to this many. */
const MAX_RUN = 5;
/** During an import, a new snapshot at most this often. */
const MIN_REFRESH_MS = 250;

export type ListStatus = 'loading' | 'ready' | 'error';

export interface Shift {
  /** The first row on screen was at `from` and is now at `to`. */
  from: number;
  to: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a list component reads: a ListSource, or a StaticSource for a short list held whole. */
export interface RowSource<R extends { id: number }> {
  readonly status: ListStatus;
  readonly error: string | null;
  readonly total: number;
  /** How far a new snapshot moved the first row on screen (0: not at all); asking clears it. */
  takeShift(): number;
  /** The first row on screen, kept across remounts (back to Songs: where you were). */
  readonly firstVisible: number;
  rowAt(index: number): R | undefined;
  idAt(index: number): number | undefined;
  setVisible(start: number, stop: number): void;
  idsBetween(start: number, stop: number): Promise<number[]>;
  /** Rows [start, start + count), fetched if need be: what "play from here" queues. */
  rowsFrom(start: number, count: number): Promise<R[]>;
  subscribe(listener: () => void): () => void;
  getRevision(): number;
}

export class ListSource<R extends { id: number }> implements RowSource<R> {
  readonly spec: ViewSpec;
  status: ListStatus = 'loading';
  error: string | null = null;
  total = 0;
  version = 0;
  /** When (performance.now()) the list last took a new snapshot. */
  openedAt = -Infinity;
  snapshotId: number | null = null;
  private shift: Shift | null = null;
  /** How the list has caught up so far: for tests and diagnostics. */
  readonly stats = { deltas: 0, reloads: 0, snapshots: 0 };

  private readonly call: Call;
  private readonly toRow: (raw: unknown) => R;
  private readonly ids = new Map<number, number>();
  private readonly rows = new Map<number, R>();
  private readonly stale = new Set<number>();
  private readonly loaded = new Set<number>();
  private readonly inFlight = new Set<number>();
  private generation = 0;
  private visible: [number, number] = [0, 0];
  private motion = still(0, 0);
  private wanted: [number, number] | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private pending: { event: LibraryChange | null } | null = null;
  private draining: Promise<void> | null = null;
  private lastRefresh = 0;
  private readonly listeners = new Set<() => void>();
  private revision = 0;
  private disposed = false;

  /** `toRow`: for rows without an `id` of their own (a playlist's entries). */
  constructor(call: Call, spec: ViewSpec, toRow: (raw: unknown) => R = (raw) => raw as R) {
    this.call = call;
    this.spec = spec;
    this.toRow = toRow;
  }

  /** Opens the snapshot, or takes one the caller already has (a search's songs). A disposed list may be opened again. */
  async open(opened?: OpenedView): Promise<void> {
    this.disposed = false;
    if (opened) this.take(opened, -1);
    else await this.guard(() => this.refresh(false));
  }

  rowAt(index: number): R | undefined {
    const id = this.ids.get(index);
    return id === undefined ? undefined : this.rows.get(id);
  }

  idAt(index: number): number | undefined {
    return this.ids.get(index);
  }

  /** Rows [start, stop] are on screen: load them, their neighbours, and what the scroll is heading for. */
  setVisible(start: number, stop: number): void {
    this.visible = [start, stop];
    this.motion = moved(this.motion, start, stop, performance.now());
    this.ensure(...wantedRows(start, stop, this.motion.speed));
  }

  /** The ids of rows [start, stop], in order: a shift-click range, select all. */
  async idsBetween(start: number, stop: number): Promise<number[]> {
    const ids: number[] = [];
    for (let i = start; i <= stop; i++) {
      const id = this.ids.get(i);
      if (id === undefined) break;
      ids.push(id);
    }
    if (ids.length === stop - start + 1 || this.snapshotId === null) return ids;
    return this.call('views.ids', { snapshotId: this.snapshotId, offset: start, limit: stop - start + 1 });
  }

  takeShift(): number {
    const moved = this.shift ? this.shift.to - this.shift.from : 0;
    this.shift = null;
    return moved;
  }

  get firstVisible(): number {
    return this.visible[0];
  }

  async rowsFrom(start: number, count: number): Promise<R[]> {
    if (this.snapshotId === null) return [];
    const rows: R[] = [];
    for (let offset = start; offset < Math.min(start + count, this.total); offset += 2000) {
      const limit = Math.min(2000, start + count - offset);
      const window = await this.call('views.window', { snapshotId: this.snapshotId, offset, limit });
      rows.push(...(window.rows as unknown[]).map(this.toRow));
    }
    return rows;
  }

  /** The library changed (an event), or may have while no events came (null): catch up. */
  catchUp(event: LibraryChange | null): Promise<void> {
    // Events that pile up while a catch-up runs become a gap: the next one asks for the delta.
    const queued = this.pending?.event ?? null;
    this.pending = { event: queued && (!event || queued.version > event.version) ? queued : event };
    this.draining ??= this.drain().finally(() => (this.draining = null));
    return this.draining;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getRevision = (): number => this.revision;

  /** Stops fetching (the list left the screen); `open` starts it again. */
  dispose(): void {
    this.disposed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
  }

  private async drain(): Promise<void> {
    while (this.pending && !this.disposed) {
      const wait = this.lastRefresh + MIN_REFRESH_MS - Date.now();
      if (wait > 0) await sleep(wait);
      const { event } = this.pending;
      this.pending = null;
      await this.guard(async () => {
        const result = await catchUp(this.call, this.version, event);
        if (result.kind === 'current') return;
        if (result.kind === 'delta') {
          this.stats.deltas++;
          // A change names track ids, and a playlist's rows are entries: any change may touch them.
          if (this.spec.kind === 'playlist') for (const id of this.rows.keys()) this.stale.add(id);
          else
            for (const change of result.changes) {
              for (const id of change.updated) if (this.rows.has(id)) this.stale.add(id);
              for (const id of change.removed) this.rows.delete(id);
            }
          await this.refresh(true);
        } else {
          this.stats.reloads++;
          this.rows.clear();
          this.stale.clear();
          await this.refresh(true, false);
        }
      });
    }
  }

  /** A new snapshot of the spec, keeping the first row on screen where it is when `keep`. */
  private async refresh(keep: boolean, fromPrevious = keep): Promise<void> {
    this.lastRefresh = Date.now();
    const anchorIndex = this.visible[0];
    const anchorId = keep ? this.ids.get(anchorIndex) : undefined;
    const opened = await this.call('views.open', {
      spec: this.spec,
      previous: fromPrevious && this.snapshotId !== null ? this.snapshotId : undefined,
      anchorId,
      lead: LEAD,
      offset: keep ? Math.max(0, anchorIndex - LEAD) : 0,
      limit: SCREEN,
    });
    if (this.disposed) return;
    this.take(opened, anchorId === undefined ? -1 : anchorIndex);
  }

  private take(opened: OpenedView, anchorIndex: number): void {
    this.stats.snapshots++;
    if (!opened.unchanged) {
      this.generation++;
      this.ids.clear();
      this.loaded.clear();
      this.inFlight.clear();
      if (anchorIndex >= 0 && opened.anchorIndex >= 0 && opened.anchorIndex !== anchorIndex) {
        this.shift = { from: anchorIndex, to: opened.anchorIndex };
        const moved = opened.anchorIndex - anchorIndex;
        this.visible = [this.visible[0] + moved, this.visible[1] + moved];
      }
    } else if (this.stale.size > 0) {
      // Same ids in the same order: only the changed rows are fetched again, as they come on screen.
      this.loaded.clear();
    }
    this.snapshotId = opened.snapshotId;
    this.openedAt = performance.now();
    this.total = opened.total;
    this.version = opened.version;
    this.fill(opened.offset, opened.rows);
    this.status = 'ready';
    this.error = null;
    this.emit();
    this.setVisible(...this.visible);
  }

  private fill(offset: number, window: ViewRows): void {
    window.ids.forEach((id, i) => this.ids.set(offset + i, id));
    for (const row of (window.rows as unknown[]).map(this.toRow)) {
      this.rows.set(row.id, row);
      this.stale.delete(row.id);
    }
    for (let page = Math.ceil(offset / PAGE); (page + 1) * PAGE <= offset + window.ids.length; page++) {
      this.loaded.add(page);
    }
    if (offset + window.ids.length >= this.total && window.ids.length > 0) this.loaded.add(Math.floor(offset / PAGE));
    this.evict();
  }

  private ensure(start: number, stop: number): void {
    this.wanted = [start, Math.min(stop, this.total - 1)];
    // Coalesced: a fast scroll asks for many ranges, only the last one matters.
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, 0);
  }

  /** Asks for the missing pages: those on screen first, then outwards; neighbours in one window. */
  private flush(): void {
    if (!this.wanted || this.snapshotId === null || this.disposed) return;
    const [start, stop] = this.wanted;
    const screen = Math.floor(this.visible[0] / PAGE);
    const pages: number[] = [];
    for (let page = Math.floor(start / PAGE); page <= Math.floor(stop / PAGE); page++) {
      if (!this.loaded.has(page) && !this.inFlight.has(page)) pages.push(page);
    }
    pages.sort((a, b) => Math.abs(a - screen) - Math.abs(b - screen) || a - b);
    const asked = new Set<number>();
    for (const page of pages) {
      if (asked.has(page)) continue;
      let last = page;
      while (last - page + 1 < MAX_RUN && pages.includes(last + 1) && !asked.has(last + 1)) last++;
      for (let p = page; p <= last; p++) asked.add(p);
      this.fetchPages(page, last - page + 1, this.snapshotId);
    }
  }

  private fetchPages(first: number, count: number, snapshotId: number): void {
    const generation = this.generation;
    for (let page = first; page < first + count; page++) this.inFlight.add(page);
    this.call('views.window', { snapshotId, offset: first * PAGE, limit: count * PAGE })
      .then((window) => {
        if (generation !== this.generation || this.disposed) return;
        this.fill(first * PAGE, window);
        // Not a page the fill just dropped again (the screen moved far meanwhile).
        for (let page = first; page < first + count; page++) if (this.ids.has(page * PAGE)) this.loaded.add(page);
        this.emit();
      })
      .catch((err: unknown) => {
        if (generation !== this.generation || this.disposed) return;
        // The snapshot expired in the main process (it keeps a bounded number): take a new one.
        if (err instanceof TonearmError && err.code === 'NOT_FOUND') void this.guard(() => this.refresh(true, false));
        else this.fail(err);
      })
      .finally(() => {
        if (generation !== this.generation) return;
        for (let page = first; page < first + count; page++) this.inFlight.delete(page);
      });
  }

  /** Keeps the loaded rows bounded: a scroll through 250k rows must not hold them all. */
  private evict(): void {
    if (this.ids.size <= MAX_LOADED) return;
    // What the scroll is heading for stays, whatever its distance.
    const keepFrom = Math.min(this.visible[0] - MAX_LOADED / 5, this.wanted?.[0] ?? Infinity);
    const keepTo = Math.max(this.visible[1] + MAX_LOADED / 5, this.wanted?.[1] ?? -Infinity);
    for (const [index, id] of this.ids) {
      if (index >= keepFrom && index <= keepTo) continue;
      this.ids.delete(index);
      this.rows.delete(id);
      this.loaded.delete(Math.floor(index / PAGE));
    }
    if (this.rows.size > MAX_LOADED * 1.5) {
      const live = new Set(this.ids.values());
      for (const id of this.rows.keys()) if (!live.has(id)) this.rows.delete(id);
    }
  }

  private async guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.fail(err);
    }
  }

  private fail(err: unknown): void {
    if (this.disposed) return;
    this.status = 'error';
    this.error = errorMessage(err);
    this.emit();
  }

  private emit(): void {
    this.revision++;
    for (const listener of this.listeners) listener();
  }
}
