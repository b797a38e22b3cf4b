// A track list for a view that comes and goes (a genre, a folder, Recently added): a ListSource
// made when the view is shown and dropped when it is left, with the view's sort remembered.
import { useCallback, useMemo, useState } from 'react';
import type { TrackRow } from '../../../../shared/domain.ts';
import type { TrackFilter, TrackSort } from '../../../../shared/views.ts';
import { call } from '../../bridge/api.ts';
import { ListSource, type RowSource } from '../data/list-source.ts';
import { useLiveSource, useOpenSource, useShape } from '../data/live.ts';
import { StaticSource } from '../data/static-source.ts';

const NO_TRACKS = new StaticSource<TrackRow>([]);

export function loadSort(key: string, fallback: TrackSort): TrackSort {
  try {
    const saved = JSON.parse(localStorage.getItem(`tonearm.sort.${key}`) ?? 'null') as TrackSort | null;
    if (saved && typeof saved.field === 'string' && typeof saved.desc === 'boolean') return saved;
  } catch {
    // a damaged entry: the default
  }
  return fallback;
}

export const saveSort = (key: string, sort: TrackSort): void =>
  localStorage.setItem(`tonearm.sort.${key}`, JSON.stringify(sort));

/** The list of the filter's tracks (no tracks without a filter), re-rendering on its status and length. */
export function useTrackList(filter: TrackFilter | null, sortKey: string, defaultSort: TrackSort) {
  const [sort, setSortState] = useState(() => loadSort(sortKey, defaultSort));
  const filterKey = JSON.stringify(filter);
  const source = useMemo(
    () =>
      filterKey === 'null'
        ? null
        : new ListSource<TrackRow>(call, { kind: 'tracks', filter: JSON.parse(filterKey) as TrackFilter, sort }),
    [filterKey, sort],
  );
  useOpenSource(source);
  useLiveSource(source);
  const list: RowSource<TrackRow> = source ?? NO_TRACKS;
  useShape(list);

  const setSort = useCallback(
    (next: TrackSort) => {
      saveSort(sortKey, next);
      setSortState(next);
    },
    [sortKey],
  );
  return { list, sort, setSort };
}
