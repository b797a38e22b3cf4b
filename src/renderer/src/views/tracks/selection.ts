// A track table's selection: by track id (so it survives a new snapshot during an import),
// with the index each id had when selected, for list order; plus the anchor of a shift-range
// and the keyboard cursor.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RowSource } from '../data/list-source.ts';

export interface Selection {
  /** id → index when selected. */
  ids: ReadonlyMap<number, number>;
  cursor: number;
  anchor: number;
}

export interface Modifiers {
  shift: boolean;
  toggle: boolean;
}

const EMPTY: Selection = { ids: new Map(), cursor: -1, anchor: -1 };

export function useSelection<R extends { id: number }>(source: RowSource<R>) {
  const [selection, setSelection] = useState<Selection>(EMPTY);
  // What the (async) handlers start from; kept in step with each update they make.
  const latest = useRef(selection);
  useEffect(() => {
    latest.current = selection;
  }, [selection]);
  // Each change waits for the ids it needs; a later one supersedes one still waiting.
  const token = useRef(0);

  const update = (next: Selection) => {
    latest.current = next;
    setSelection(next);
  };

  const idsFrom = useCallback(
    async (start: number, stop: number): Promise<Map<number, number>> => {
      const [from, to] = start <= stop ? [start, stop] : [stop, start];
      const ids = await source.idsBetween(from, to);
      return new Map(ids.map((id, i) => [id, from + i]));
    },
    [source],
  );

  /** A click or a cursor move to `index`. */
  const select = useCallback(
    async (index: number, { shift, toggle }: Modifiers, keepIfSelected = false) => {
      const mine = ++token.current;
      const current = latest.current;
      if (keepIfSelected) {
        const id = source.idAt(index);
        if (id !== undefined && current.ids.has(id)) return update({ ...current, cursor: index });
      }
      if (shift && current.anchor >= 0) {
        const range = await idsFrom(current.anchor, index);
        if (mine === token.current) update({ ids: range, cursor: index, anchor: current.anchor });
        return;
      }
      const one = await idsFrom(index, index);
      if (mine !== token.current) return;
      if (toggle) {
        const ids = new Map(current.ids);
        for (const [id, at] of one) {
          if (ids.has(id)) ids.delete(id);
          else ids.set(id, at);
        }
        update({ ids, cursor: index, anchor: index });
      } else update({ ids: one, cursor: index, anchor: index });
    },
    [source, idsFrom],
  );

  const moveCursor = useCallback((index: number) => update({ ...latest.current, cursor: index }), []);

  const selectAll = useCallback(async () => {
    const mine = ++token.current;
    if (source.total === 0) return;
    const ids = await idsFrom(0, source.total - 1);
    if (mine === token.current) update({ ids, cursor: Math.max(0, latest.current.cursor), anchor: 0 });
  }, [source, idsFrom]);

  const clear = useCallback(() => update({ ...latest.current, ids: new Map() }), []);

  /** After a new snapshot moved the rows by `delta`, the cursor and anchor follow them. */
  const shiftBy = useCallback((delta: number) => {
    const { ids, cursor, anchor } = latest.current;
    update({ ids, cursor: cursor < 0 ? cursor : cursor + delta, anchor: anchor < 0 ? anchor : anchor + delta });
  }, []);

  /** The selected ids in list order. */
  const ordered = useCallback(
    (): number[] => [...latest.current.ids].sort((a, b) => a[1] - b[1]).map(([id]) => id),
    [],
  );

  return { selection, select, moveCursor, selectAll, clear, shiftBy, ordered };
}
