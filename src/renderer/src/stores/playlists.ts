// The sidebar's playlists and folders: read whole (a few hundred at most) and read again after
// each playlists.changed. Also the one deleted playlist that Undo can still bring back.
import { create } from 'zustand';
import type { PlaylistFolder, PlaylistSummary } from '../../../shared/domain.ts';
import { call } from '../bridge/api.ts';

interface PlaylistsState {
  folders: PlaylistFolder[];
  playlists: PlaylistSummary[];
  loaded: boolean;
  /** Collapsed folder ids, kept across restarts. */
  collapsed: ReadonlySet<number>;
  /** The playlist the sidebar is renaming inline (a new one starts so). */
  renaming: { kind: 'playlist' | 'folder'; id: number } | null;
  deleted: PlaylistSummary | null;
  /** A sentence about the last action that failed or needs saying (shown as a toast). */
  notice: string | null;
  refresh(): Promise<void>;
  toggleFolder(id: number): void;
  setRenaming(target: PlaylistsState['renaming']): void;
  setDeleted(playlist: PlaylistSummary | null): void;
  say(notice: string | null): void;
}

const COLLAPSED_KEY = 'tonearm.playlists.collapsed';

function loadCollapsed(): Set<number> {
  try {
    const saved = JSON.parse(localStorage.getItem(COLLAPSED_KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(saved) ? saved.filter((id): id is number => Number.isInteger(id)) : []);
  } catch {
    return new Set();
  }
}

let reading = 0;

export const usePlaylists = create<PlaylistsState>((set, get) => ({
  folders: [],
  playlists: [],
  loaded: false,
  collapsed: loadCollapsed(),
  renaming: null,
  deleted: null,
  notice: null,
  async refresh() {
    // Two changes in a row: only the later read is kept.
    const mine = ++reading;
    const { folders, playlists } = await call('playlists.list', {});
    if (mine === reading) set({ folders, playlists, loaded: true });
  },
  toggleFolder(id) {
    const collapsed = new Set(get().collapsed);
    if (!collapsed.delete(id)) collapsed.add(id);
    localStorage.setItem(COLLAPSED_KEY, JSON.stringify([...collapsed]));
    set({ collapsed });
  },
  setRenaming: (renaming) => set({ renaming }),
  setDeleted: (deleted) => set({ deleted }),
  say: (notice) => set({ notice }),
}));

export const playlistById = (id: number): PlaylistSummary | undefined =>
  usePlaylists.getState().playlists.find((playlist) => playlist.id === id);
