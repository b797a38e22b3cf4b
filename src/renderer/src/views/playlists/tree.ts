// The sidebar's playlist tree from the flat lists the core answers: folders nested by parent,
// each level in its stored order, folders before playlists.
import type { PlaylistFolder, PlaylistSummary } from '../../../../shared/domain.ts';

export type TreeNode =
  { kind: 'folder'; folder: PlaylistFolder; children: TreeNode[] } | { kind: 'playlist'; playlist: PlaylistSummary };

export function buildTree(folders: PlaylistFolder[], playlists: PlaylistSummary[]): TreeNode[] {
  const byPosition = <T extends { position: number; id: number }>(a: T, b: T) => a.position - b.position || a.id - b.id;
  const known = new Set(folders.map((f) => f.id));
  // A folder or playlist whose parent is not in the list shows at the top rather than vanishing.
  const parentOf = (id: number | null) => (id !== null && known.has(id) ? id : null);
  const level = (parent: number | null, seen: Set<number>): TreeNode[] => [
    ...folders
      .filter((f) => parentOf(f.parentId) === parent && f.id !== parent && !seen.has(f.id))
      .sort(byPosition)
      .map((folder): TreeNode => ({
        kind: 'folder',
        folder,
        children: level(folder.id, new Set([...seen, folder.id])),
      })),
    ...playlists
      .filter((p) => parentOf(p.folderId) === parent)
      .sort(byPosition)
      .map((playlist): TreeNode => ({ kind: 'playlist', playlist })),
  ];
  return level(null, new Set());
}

export const nodeKey = (node: TreeNode): string =>
  node.kind === 'folder' ? `folder:${node.folder.id}` : `playlist:${node.playlist.id}`;
