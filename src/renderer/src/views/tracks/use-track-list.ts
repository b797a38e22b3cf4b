// A track list for a view that comes and goes (a genre, a folder, Recently added): a ListSource
// made when the view is shown and dropped when it is left, with the view's sort remembered.
import { useCallback, useMemo, useState } from 'react';
import type { TrackRow } from '../../../../shared/domain.ts';
import type { TrackFilter, TrackSort } from '../../../../shared/views.ts';
import { call } from '../../bridge/api.ts';
import { ListSource } from '../data/list-source.ts';
import { useLiveSource, useOpenSource } from '../data/live.ts';

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

  const setSort = useCallback(
    (next: TrackSort) => {
      saveSort(sortKey, next);
      setSortState(next);
    },
    [sortKey],
  );
  return { source, sort, setSort };
}
