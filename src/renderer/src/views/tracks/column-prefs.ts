// Which columns the Songs tables show and how wide: one layout for every track table, kept
// across restarts, as foobar2000 keeps its playlist view's columns.
import { create } from 'zustand';
import { COLUMN_BY_ID, DEFAULT_COLUMNS, MIN_WIDTH, type ColumnId } from './columns.ts';

const KEY = 'tonearm.columns.v1';

interface Saved {
  visible: ColumnId[];
  widths: Partial<Record<ColumnId, number>>;
}

interface ColumnPrefs extends Saved {
  toggle(id: ColumnId): void;
  setWidth(id: ColumnId, width: number): void;
  reset(): void;
}

function load(): Saved {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Saved | null;
    const visible = saved?.visible.filter((id) => COLUMN_BY_ID.has(id)) ?? [];
    if (visible.length > 0) return { visible, widths: saved?.widths ?? {} };
  } catch {
    // a damaged entry: the defaults
  }
  return { visible: DEFAULT_COLUMNS, widths: {} };
}

function save(state: Saved): void {
  localStorage.setItem(KEY, JSON.stringify({ visible: state.visible, widths: state.widths }));
}

export const useColumnPrefs = create<ColumnPrefs>((set, get) => ({
  ...load(),
  toggle(id) {
    const { visible } = get();
    if (visible.includes(id) && visible.length === 1) return;
    // A column comes back where it belongs in the full list, not at the end.
    const next = visible.includes(id)
      ? visible.filter((v) => v !== id)
      : [...COLUMN_BY_ID.keys()].filter((c) => c === id || visible.includes(c));
    set({ visible: next });
    save(get());
  },
  setWidth(id, width) {
    set({ widths: { ...get().widths, [id]: Math.max(MIN_WIDTH, Math.round(width)) } });
    save(get());
  },
  reset() {
    set({ visible: DEFAULT_COLUMNS, widths: {} });
    save(get());
  },
}));

export const widthOf = (widths: Saved['widths'], id: ColumnId): number => widths[id] ?? COLUMN_BY_ID.get(id)!.width;
