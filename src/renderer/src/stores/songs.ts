// The Songs list's window onto the catalog: the total and the rows fetched so far, by index.
// The renderer never holds the whole library, only the windows the list has scrolled through.
import { create } from 'zustand';
import type { TrackRow } from '../../../shared/domain.ts';
import { call } from '../bridge/api.ts';

const PAGE = 200;

interface SongsState {
  total: number;
  rows: Map<number, TrackRow>;
  loaded: boolean;
  error: string | null;
  /** Makes sure rows [start, stop] are loaded (whole pages at a time). */
  ensure(start: number, stop: number): void;
  reload(): Promise<void>;
}

const inFlight = new Set<number>();
let generation = 0;

export const useSongs = create<SongsState>((set, get) => ({
  total: 0,
  rows: new Map(),
  loaded: false,
  error: null,
  ensure(start, stop) {
    for (let page = Math.floor(start / PAGE); page <= Math.floor(stop / PAGE); page++) {
      if (inFlight.has(page) || get().rows.has(page * PAGE)) continue;
      inFlight.add(page);
      const mine = generation;
      call('library.tracks', { offset: page * PAGE, limit: PAGE })
        .then(({ total, rows }) => {
          if (mine !== generation) return;
          const next = new Map(get().rows);
          rows.forEach((row, i) => next.set(page * PAGE + i, row));
          set({ total, rows: next, loaded: true, error: null });
        })
        .catch((err: Error) => set({ error: err.message }))
        .finally(() => inFlight.delete(page));
    }
  },
  async reload() {
    generation++;
    inFlight.clear();
    try {
      const { total, rows } = await call('library.tracks', { offset: 0, limit: PAGE });
      set({ total, rows: new Map(rows.map((row, i) => [i, row])), loaded: true, error: null });
    } catch (err) {
      set({ error: (err as Error).message, loaded: true });
    }
  },
}));
