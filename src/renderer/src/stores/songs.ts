// The Songs view: its sort (kept across restarts) and its list, which lives as long as the app
// so that coming back to Songs finds it where it was left. Opened at start: Songs is the
// first view, and its snapshot is on its way before React has drawn anything.
import { create } from 'zustand';
import type { TrackRow } from '../../../shared/domain.ts';
import type { TrackSort } from '../../../shared/views.ts';
import { call } from '../bridge/api.ts';
import { ListSource } from '../views/data/list-source.ts';
import { loadSort, saveSort } from '../views/tracks/use-track-list.ts';

const SORT_KEY = 'songs';

interface SongsState {
  sort: TrackSort;
  source: ListSource<TrackRow>;
  setSort(sort: TrackSort): void;
}

function openSongs(sort: TrackSort): ListSource<TrackRow> {
  const source = new ListSource<TrackRow>(call, { kind: 'tracks', filter: { type: 'all' }, sort });
  void source.open();
  return source;
}

export const useSongs = create<SongsState>((set, get) => {
  const sort = loadSort(SORT_KEY, { field: 'albumArtist', desc: false });
  return {
    sort,
    source: openSongs(sort),
    setSort(next) {
      get().source.dispose();
      saveSort(SORT_KEY, next);
      set({ sort: next, source: openSongs(next) });
    },
  };
});
