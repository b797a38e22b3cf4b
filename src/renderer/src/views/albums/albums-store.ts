// The Albums grid: its sort, and its list, kept while the app runs (back to Albums: same place).
import { create } from 'zustand';
import type { AlbumRow } from '../../../../shared/domain.ts';
import type { AlbumSortField } from '../../../../shared/views.ts';
import { call } from '../../bridge/api.ts';
import { ListSource } from '../data/list-source.ts';

const KEY = 'tonearm.sort.albums';

export interface AlbumSort {
  field: AlbumSortField;
  desc: boolean;
}

function load(): AlbumSort {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as AlbumSort | null;
    if (saved && ['albumArtist', 'title', 'year'].includes(saved.field)) return saved;
  } catch {
    // the default
  }
  return { field: 'albumArtist', desc: false };
}

function openAlbums(sort: AlbumSort): ListSource<AlbumRow> {
  const source = new ListSource<AlbumRow>(call, { kind: 'albums', filter: { type: 'all' }, sort });
  void source.open();
  return source;
}

interface AlbumsState {
  sort: AlbumSort;
  /** Made the first time the grid is shown, not at start (when Songs needs the views thread). */
  source: ListSource<AlbumRow> | null;
  show(): ListSource<AlbumRow>;
  setSort(sort: AlbumSort): void;
}

export const useAlbums = create<AlbumsState>((set, get) => ({
  sort: load(),
  source: null,
  show() {
    const existing = get().source;
    if (existing) return existing;
    const source = openAlbums(get().sort);
    set({ source });
    return source;
  },
  setSort(next) {
    get().source?.dispose();
    localStorage.setItem(KEY, JSON.stringify(next));
    set({ sort: next, source: openAlbums(next) });
  },
}));
