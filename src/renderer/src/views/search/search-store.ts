// The search box and its results: searched on every keystroke, one search in flight at a time
// (the text typed meanwhile is searched next), the songs kept as a live list.
import { create } from 'zustand';
import type { TrackRow } from '../../../../shared/domain.ts';
import type { SearchResult, TrackSort } from '../../../../shared/views.ts';
import { call } from '../../bridge/api.ts';
import { useNavigation, type ViewName } from '../../stores/navigation.ts';
import { ListSource, PAGE } from '../data/list-source.ts';
import { loadSort, saveSort } from '../tracks/use-track-list.ts';
import { errorMessage } from '../../../../shared/error-text.ts';

/** A whole page of the list's: with fewer, the list would ask for the page again at once. */
const FIRST_ROWS = PAGE;

interface SearchState {
  text: string;
  /** The text the results are for (a keystroke ahead of them while the next search runs). */
  searched: string;
  result: SearchResult | null;
  songs: ListSource<TrackRow> | null;
  sort: TrackSort;
  error: string | null;
  setText(text: string): void;
  setSort(sort: TrackSort): void;
  /** Searches the same text again (the library changed). */
  refresh(): void;
}

let running = false;
let lastSearched = '';
/** As the views engine reads it: "the  " and "the" are one search. */
const normalize = (text: string): string => text.trim().replace(/\s+/g, ' ');
let returnTo: ViewName = 'songs';

export const useSearch = create<SearchState>((set, get) => {
  const run = async () => {
    if (running) return;
    running = true;
    try {
      while (normalize(get().text) !== get().searched) {
        const text = normalize(get().text);
        const { sort } = get();
        const refreshing = text === lastSearched;
        lastSearched = text;
        try {
          const result = await call('views.search', { text, sort, limit: FIRST_ROWS });
          const current = get().songs;
          if (refreshing && current) {
            // Same search, the library changed: new groups; the songs list follows by itself, scrolled where it was.
            set({ searched: text, result, error: null });
            continue;
          }
          const songs = new ListSource<TrackRow>(call, { kind: 'tracks', filter: { type: 'search', text }, sort });
          void songs.open(result.songs);
          current?.dispose();
          set({ searched: text, result, songs, error: null });
        } catch (err) {
          set({ searched: text, error: errorMessage(err) });
        }
      }
    } finally {
      running = false;
    }
  };

  return {
    text: '',
    searched: '',
    result: null,
    songs: null,
    sort: loadSort('search', { field: 'albumArtist', desc: false }),
    error: null,
    setText(text) {
      set({ text });
      const navigation = useNavigation.getState();
      if (text.trim() === '') {
        lastSearched = '';
        get().songs?.dispose();
        set({ searched: '', result: null, songs: null, error: null });
        if (navigation.view === 'search') navigation.go(returnTo);
        return;
      }
      if (navigation.view !== 'search') returnTo = navigation.view;
      // An album opened from the results is a page of the search view: a new search leaves it.
      if (navigation.view !== 'search' || navigation.page) navigation.go('search');
      void run();
    },
    setSort(sort) {
      saveSort('search', sort);
      lastSearched = '';
      set({ sort, searched: '' });
      void run();
    },
    refresh() {
      if (get().text.trim() === '') return;
      set({ searched: '' });
      void run();
    },
  };
});
