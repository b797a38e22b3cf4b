// The Folders view: each library folder as a tree of the folders that hold tracks, built
// from the track paths (read in path order off the path index) once per library version.
import { sep } from 'node:path';
import type { FolderNode } from '../../../shared/views.ts';
import type { LibraryReads } from '../catalog/reads/library.ts';
import { sortKey } from '../catalog/sort-key.ts';

interface Folder {
  total: number;
  /** Null for a folder without subfolders (most of them: one per album). */
  children: Set<string> | null;
}

export class FolderTrees {
  readonly version: number;
  private readonly reads: LibraryReads;
  private readonly trees = new Map<string, Map<string, Folder>>();

  constructor(reads: LibraryReads, version: number) {
    this.reads = reads;
    this.version = version;
  }

  /** The library folders when `path` is null, else the folders in `path`. */
  list(path: string | null): FolderNode[] {
    const roots = this.reads.rootPaths();
    if (path === null) return roots.map((root) => this.node(this.tree(root), root, root));
    const root = roots.find((r) => path === r || path.startsWith(r + sep));
    if (!root) return [];
    const tree = this.tree(root);
    const children = [...(tree.get(path)?.children ?? [])].map((child) =>
      this.node(tree, child, child.slice(child.lastIndexOf(sep) + 1)),
    );
    const keys = new Map(children.map((child) => [child.path, sortKey(child.name)]));
    return children.sort((a, b) => (keys.get(a.path)! < keys.get(b.path)! ? -1 : 1));
  }

  private node(tree: Map<string, Folder>, path: string, name: string): FolderNode {
    const folder = tree.get(path);
    return { path, name, trackCount: folder?.total ?? 0, hasChildren: (folder?.children?.size ?? 0) > 0 };
  }

  private tree(root: string): Map<string, Folder> {
    let tree = this.trees.get(root);
    if (tree) return tree;
    tree = new Map([[root, { total: 0, children: null }]]);
    const after = String.fromCharCode(sep.charCodeAt(0) + 1);
    let lastDir = '';
    let lastFolders: Folder[] = [];
    for (const path of this.reads.trackPathsBetween(root + sep, root + after)) {
      const dir = path.slice(0, path.lastIndexOf(sep));
      if (dir !== lastDir) {
        lastDir = dir;
        lastFolders = this.chain(tree, root, dir);
      }
      for (const folder of lastFolders) folder.total++;
    }
    this.trees.set(root, tree);
    return tree;
  }

  /** The folders from `dir` up to the root, made and linked as needed. */
  private chain(tree: Map<string, Folder>, root: string, dir: string): Folder[] {
    const chain: Folder[] = [];
    let path = dir;
    let child: string | null = null;
    for (;;) {
      let folder = tree.get(path);
      if (!folder) {
        folder = { total: 0, children: null };
        tree.set(path, folder);
      }
      if (child !== null) (folder.children ??= new Set()).add(child);
      chain.push(folder);
      if (path.length <= root.length) return chain;
      child = path;
      path = path.slice(0, path.lastIndexOf(sep));
    }
  }
}
