// The Folders view's tree: which folders are open, their children as loaded, and the folder
// whose tracks are shown.
import { create } from 'zustand';
import type { FolderNode } from '../../../../shared/views.ts';
import { call } from '../../bridge/api.ts';
import { errorMessage } from '../../../../shared/error-text.ts';

const ROOTS = '';

interface FoldersState {
  selected: string | null;
  expanded: ReadonlySet<string>;
  /** Children by folder path; the library folders under ''. */
  children: ReadonlyMap<string, FolderNode[]>;
  error: string | null;
  load(path: string | null): Promise<FolderNode[]>;
  toggle(path: string): void;
  select(path: string): void;
  /** Opens the tree down to `folder` and shows it (Show in folder, in a browser). */
  reveal(folder: string): Promise<void>;
  /** The library changed: reload what is open. */
  refresh(): Promise<void>;
}

const separatorOf = (path: string): string => (path.includes('\\') && !path.includes('/') ? '\\' : '/');

export const useFolders = create<FoldersState>((set, get) => ({
  selected: null,
  expanded: new Set(),
  children: new Map(),
  error: null,
  async load(path) {
    try {
      const nodes = await call('library.folders', { path });
      set({ children: new Map(get().children).set(path ?? ROOTS, nodes), error: null });
      return nodes;
    } catch (err) {
      set({ error: errorMessage(err) });
      return [];
    }
  },
  toggle(path) {
    const expanded = new Set(get().expanded);
    if (expanded.has(path)) expanded.delete(path);
    else {
      expanded.add(path);
      if (!get().children.has(path)) void get().load(path);
    }
    set({ expanded });
  },
  select(path) {
    set({ selected: path });
  },
  async reveal(folder) {
    const roots = await get().load(null);
    const root = roots.find((r) => folder === r.path || folder.startsWith(r.path + separatorOf(r.path)));
    if (!root) return;
    const sep = separatorOf(root.path);
    const expanded = new Set(get().expanded);
    let path = root.path;
    const parts = folder.slice(root.path.length).split(sep).filter(Boolean);
    for (const part of [null, ...parts]) {
      if (part !== null) path = `${path}${sep}${part}`;
      if (path === folder) break;
      expanded.add(path);
      await get().load(path);
    }
    set({ expanded, selected: folder });
  },
  async refresh() {
    await Promise.all([...get().children.keys()].map((path) => get().load(path === ROOTS ? null : path)));
  },
}));
