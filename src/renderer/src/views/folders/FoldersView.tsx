import { useEffect } from 'react';
import type { FolderNode } from '../../../../shared/views.ts';
import { formatCount, trackCount, ViewHeader } from '../common/ViewHeader.tsx';
import { useLibraryChanges } from '../data/live.ts';
import { TrackTable } from '../tracks/TrackTable.tsx';
import { useTrackList } from '../tracks/use-track-list.ts';
import { useFolders } from './folders-store.ts';

// During an import the tree would be rebuilt on every batch: once every two seconds is plenty.
let refreshing: ReturnType<typeof setTimeout> | null = null;
const refreshTree = () => {
  refreshing ??= setTimeout(() => {
    refreshing = null;
    void useFolders.getState().refresh();
  }, 2000);
};

function FolderItem({ node, depth }: { node: FolderNode; depth: number }) {
  const { expanded, children, selected, toggle, select } = useFolders();
  const open = expanded.has(node.path);
  return (
    <li role="treeitem" aria-expanded={node.hasChildren ? open : undefined} aria-selected={selected === node.path}>
      <div
        className={`folder-node${selected === node.path ? ' selected' : ''}`}
        style={{ paddingLeft: 8 + depth * 16 }}
        onClick={() => select(node.path)}
        onDoubleClick={() => node.hasChildren && toggle(node.path)}
      >
        <button
          type="button"
          className="twisty"
          aria-label={open ? 'Collapse' : 'Expand'}
          disabled={!node.hasChildren}
          onClick={(event) => {
            event.stopPropagation();
            toggle(node.path);
          }}
        >
          {node.hasChildren ? (open ? '▾' : '▸') : ''}
        </button>
        <span className="folder-name">{node.name}</span>
        <span className="folder-count">{formatCount(node.trackCount)}</span>
      </div>
      {open && (
        <ul role="group">
          {(children.get(node.path) ?? []).map((child) => (
            <FolderItem key={child.path} node={child} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The library folders as a tree; the tracks under the folder chosen, in file order. */
export function FoldersView() {
  const { children, selected, error, load } = useFolders();
  const roots = children.get('');
  useEffect(() => {
    if (!roots) void load(null);
  }, [roots, load]);
  useLibraryChanges(refreshTree);
  const { list, sort, setSort } = useTrackList(selected ? { type: 'folder', path: selected } : null, 'folder', {
    field: 'path',
    desc: false,
  });
  return (
    <div className="view">
      <ViewHeader title="Folders" detail={selected ? trackCount(list) : ''} />
      <div className="folders">
        <ul className="folder-tree" role="tree" aria-label="Library folders">
          {error && <li className="error">{error}</li>}
          {roots?.length === 0 && <li className="empty-state">No library folders yet. Add one in Settings.</li>}
          {roots?.map((root) => (
            <FolderItem key={root.path} node={root} depth={0} />
          ))}
        </ul>
        <div className="folder-tracks">
          {selected ? (
            <TrackTable source={list} label={`Tracks in ${selected}`} sort={sort} onSort={setSort} />
          ) : (
            <div className="empty-state">Choose a folder.</div>
          )}
        </div>
      </div>
    </div>
  );
}
