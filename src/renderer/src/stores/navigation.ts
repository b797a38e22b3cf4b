import { create } from 'zustand';

export type ViewName = 'songs' | 'albums' | 'artists' | 'genres' | 'folders' | 'recent' | 'search' | 'settings';

/** A page within a view (an album, an artist, a genre's songs): Back returns from it. */
export type Page =
  | { kind: 'album'; albumId: number }
  | { kind: 'artist'; artistId: number }
  | { kind: 'genre'; genreId: number; name: string }
  | { kind: 'playlist'; playlistId: number }
  | { kind: 'smart'; playlistId: number }
  /** Tracks like these (`ids`) or like an album (`albumId`), ranked by the similarity index. */
  | { kind: 'similar'; ids: number[]; albumId: null; label: string }
  | { kind: 'similar'; ids: null; albumId: number; label: string }
  /** playlistId null: a new smart playlist. */
  | { kind: 'smartEditor'; playlistId: number | null };

interface Place {
  view: ViewName;
  page: Page | null;
}

interface NavigationState extends Place {
  history: Place[];
  go(view: ViewName): void;
  /** `view`: the view the page belongs to, when not the current one (a playlist from Settings). */
  open(page: Page, view?: ViewName): void;
  back(): void;
}

const HISTORY = 50;

export const useNavigation = create<NavigationState>((set, get) => {
  const leave = (): Place[] => [...get().history.slice(1 - HISTORY), { view: get().view, page: get().page }];
  return {
    view: 'songs',
    page: null,
    history: [],
    go: (view) => {
      if (view !== get().view || get().page) set({ view, page: null, history: leave() });
    },
    open: (page, view = get().view) => set({ view, page, history: leave() }),
    back: () => {
      const place = get().history.at(-1);
      if (place) set({ ...place, history: get().history.slice(0, -1) });
    },
  };
});
