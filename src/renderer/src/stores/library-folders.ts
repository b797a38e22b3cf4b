import { create } from 'zustand';
import type { Root } from '../../../shared/domain.ts';
import { call } from '../bridge/api.ts';
import { errorMessage } from '../../../shared/error-text.ts';

interface FoldersState {
  roots: Root[];
  error: string | null;
  refresh(): Promise<void>;
  add(path: string): Promise<boolean>;
  remove(rootId: number): Promise<void>;
  setWatch(rootId: number, watch: boolean): Promise<void>;
}

export const useLibraryFolders = create<FoldersState>((set, get) => ({
  roots: [],
  error: null,
  async refresh() {
    try {
      set({ roots: await call('library.roots', {}), error: null });
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },
  async add(path) {
    try {
      await call('library.addRoot', { path });
      await get().refresh();
      return true;
    } catch (err) {
      set({ error: errorMessage(err) });
      return false;
    }
  },
  async setWatch(rootId, watch) {
    try {
      await call('library.setRootWatch', { rootId, watch });
      await get().refresh();
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },
  async remove(rootId) {
    try {
      await call('library.removeRoot', { rootId });
      await get().refresh();
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },
}));
