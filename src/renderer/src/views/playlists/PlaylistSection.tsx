// The sidebar's playlists: folders (collapsible) and playlists as a tree. Click or Enter opens,
// F2 renames in place, Delete deletes (with Undo), the menu key or a right-click shows the rest.
// Tracks dragged from a list drop onto a playlist; a playlist or folder dragged onto a folder
// goes into it, onto the heading back to the top level.
import {
  useEffect,
  useRef,
  useState,
  type DragEvent,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import type { PlaylistFolder, PlaylistSummary } from '../../../../shared/domain.ts';
import { call, onEvent } from '../../bridge/api.ts';
import { TRACK_IDS_TYPE } from '../../components/QueuePanel.tsx';
import { useNavigation } from '../../stores/navigation.ts';
import { usePlaylists } from '../../stores/playlists.ts';
import { ContextMenu, type MenuAt, type MenuItem } from '../common/ContextMenu.tsx';
import {
  addToPlaylist,
  attempt,
  deletePlaylist,
  duplicatePlaylist,
  newFolder,
  newPlaylist,
  openPlaylist,
  rename,
} from './actions.ts';
import { createMenuItems } from './create-menu.ts';
import { openPlaylistDialog } from './dialogs.ts';
import { PlaylistToast } from './PlaylistToast.tsx';
import { buildTree, nodeKey, type TreeNode } from './tree.ts';
import '../../styles/playlists.css';

const LIBRARY_REFRESH_MS = 1000;

/** A playlist or folder being dragged within the sidebar: "playlist:ID" or "folder:ID". */
const NODE_TYPE = 'application/x-tonearm-playlist-node';

function droppedTrackIds(event: DragEvent): number[] {
  try {
    const ids = JSON.parse(event.dataTransfer.getData(TRACK_IDS_TYPE) || '[]') as unknown[];
    return ids.filter((id): id is number => Number.isInteger(id) && (id as number) > 0);
  } catch {
    return [];
  }
}

/** A dragged playlist or folder into `folderId` (null: the top level). */
function moveNode(raw: string, folderId: number | null): void {
  const [kind, idText] = raw.split(':');
  const id = Number(idText);
  if (!Number.isInteger(id) || id <= 0) return;
  if (kind === 'playlist') void attempt(() => call('playlists.move', { playlistId: id, folderId }));
  // A folder dropped on itself stays put; into one of its own folders, the core refuses in words.
  else if (kind === 'folder' && id !== folderId) {
    void attempt(() => call('playlists.moveFolder', { folderId: id, parentId: folderId }));
  }
}

function RenameField({ name, onDone }: { name: string; onDone(name: string | null): void }) {
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const finish = (value: string | null, keepFocus: boolean) => {
    if (done.current) return;
    done.current = true;
    // Enter or Escape: the keyboard stays on the entry (a blur went somewhere on purpose).
    const item = keepFocus ? input.current?.closest<HTMLElement>('[role="treeitem"]') : null;
    onDone(value);
    item?.focus();
  };
  return (
    <input
      ref={input}
      className="playlist-rename"
      type="text"
      aria-label="Name"
      defaultValue={name}
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') finish(event.currentTarget.value, true);
        else if (event.key === 'Escape') finish(null, true);
      }}
      onBlur={(event) => finish(event.currentTarget.value, false)}
    />
  );
}

function focusSibling(from: HTMLElement, step: number | 'first' | 'last'): void {
  const tree = from.closest('[role="tree"]');
  if (!tree) return;
  const items = [...tree.querySelectorAll<HTMLElement>('[role="treeitem"]')];
  const at = items.indexOf(from);
  const next = step === 'first' ? items[0] : step === 'last' ? items.at(-1) : items[at + step];
  next?.focus();
}

export function PlaylistSection() {
  const { folders, playlists, collapsed, renaming, refresh, toggleFolder, setRenaming } = usePlaylists();
  const page = useNavigation((state) => state.page);
  const openId = page?.kind === 'playlist' || page?.kind === 'smart' ? page.playlistId : null;
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const [dropKey, setDropKey] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);

  useEffect(() => {
    void refresh();
    const offPlaylists = onEvent('playlists.changed', () => void refresh());
    // Counts of missing entries move with scans and files going missing; an import's stream of
    // changes is read once a second.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const offLibrary = onEvent('library.changed', () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void refresh();
      }, LIBRARY_REFRESH_MS);
    });
    return () => {
      offPlaylists();
      offLibrary();
      if (timer) clearTimeout(timer);
    };
  }, [refresh]);

  const tree = buildTree(folders, playlists);
  const firstKey = tree[0] ? nodeKey(tree[0]) : null;
  const tabKey = focusKey ?? (openId !== null ? `playlist:${openId}` : firstKey);

  const playlistMenu = (playlist: PlaylistSummary): MenuItem[] => [
    { label: 'Open', action: () => openPlaylist(playlist.id, playlist.smartQuery !== null) },
    ...(playlist.smartQuery === null
      ? []
      : [
          {
            label: 'Edit rules…',
            action: () => useNavigation.getState().open({ kind: 'smartEditor', playlistId: playlist.id }),
          },
        ]),
    { label: 'Rename', action: () => setRenaming({ kind: 'playlist', id: playlist.id }) },
    { label: 'Duplicate', action: () => void duplicatePlaylist(playlist) },
    {
      label: 'Export…',
      separatorBefore: true,
      action: () => openPlaylistDialog({ kind: 'export', playlist }),
    },
    {
      label: 'Move to top level',
      disabled: playlist.folderId === null,
      action: () => moveNode(`playlist:${playlist.id}`, null),
    },
    { label: 'Delete', separatorBefore: true, action: () => void deletePlaylist(playlist) },
  ];
  const folderMenu = (folder: PlaylistFolder): MenuItem[] => [
    { label: 'New playlist here', action: () => void newPlaylist(folder.id) },
    { label: 'New folder inside', action: () => void newFolder(folder.id) },
    { label: 'Rename', separatorBefore: true, action: () => setRenaming({ kind: 'folder', id: folder.id }) },
    {
      label: 'Move to top level',
      disabled: folder.parentId === null,
      action: () => moveNode(`folder:${folder.id}`, null),
    },
    {
      label: 'Delete folder (keeps its playlists)',
      separatorBefore: true,
      action: () => void attempt(() => call('playlists.deleteFolder', { folderId: folder.id })),
    },
  ];
  const menuAt = (node: TreeNode, x: number, y: number) =>
    setMenu({ x, y, items: node.kind === 'folder' ? folderMenu(node.folder) : playlistMenu(node.playlist) });

  const onItemKey = (node: TreeNode, event: KeyboardEvent<HTMLElement>) => {
    const item = event.currentTarget;
    const folder = node.kind === 'folder' ? node.folder : null;
    switch (event.key) {
      case 'ArrowDown':
        focusSibling(item, 1);
        break;
      case 'ArrowUp':
        focusSibling(item, -1);
        break;
      case 'Home':
        focusSibling(item, 'first');
        break;
      case 'End':
        focusSibling(item, 'last');
        break;
      case 'ArrowRight':
        if (folder && collapsed.has(folder.id)) toggleFolder(folder.id);
        else focusSibling(item, 1);
        break;
      case 'ArrowLeft':
        if (folder && !collapsed.has(folder.id)) toggleFolder(folder.id);
        else item.parentElement?.closest<HTMLElement>('[role="treeitem"]')?.focus();
        break;
      case 'Enter':
        if (folder) toggleFolder(folder.id);
        else if (node.kind === 'playlist') openPlaylist(node.playlist.id, node.playlist.smartQuery !== null);
        break;
      case 'F2':
        setRenaming(folder ? { kind: 'folder', id: folder.id } : { kind: 'playlist', id: nodeId(node) });
        break;
      case 'Delete':
        if (node.kind === 'playlist') void deletePlaylist(node.playlist);
        else void attempt(() => call('playlists.deleteFolder', { folderId: node.folder.id }));
        break;
      case 'ContextMenu':
      case 'F10': {
        if (event.key === 'F10' && !event.shiftKey) return;
        const box = item.getBoundingClientRect();
        menuAt(node, box.left + 20, box.bottom);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const dragHandlers = (node: TreeNode) => {
    const key = nodeKey(node);
    const folderId = node.kind === 'folder' ? node.folder.id : null;
    const acceptsTracks = node.kind === 'playlist' && node.playlist.smartQuery === null;
    const accepts = (event: DragEvent) =>
      (acceptsTracks && event.dataTransfer.types.includes(TRACK_IDS_TYPE)) ||
      (folderId !== null && event.dataTransfer.types.includes(NODE_TYPE));
    return {
      draggable: true,
      onDragStart(event: DragEvent) {
        event.stopPropagation();
        event.dataTransfer.setData(NODE_TYPE, key);
        event.dataTransfer.effectAllowed = 'move';
      },
      onDragOver(event: DragEvent) {
        if (!accepts(event)) return;
        event.preventDefault();
        event.stopPropagation();
        event.dataTransfer.dropEffect = event.dataTransfer.types.includes(NODE_TYPE) ? 'move' : 'copy';
        setDropKey(key);
      },
      onDragLeave(event: DragEvent) {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropKey(null);
      },
      onDrop(event: DragEvent) {
        if (!accepts(event)) return;
        event.preventDefault();
        event.stopPropagation();
        setDropKey(null);
        const moved = event.dataTransfer.getData(NODE_TYPE);
        if (moved && folderId !== null) return moveNode(moved, folderId);
        if (node.kind === 'playlist') void addToPlaylist(node.playlist, droppedTrackIds(event));
      },
    };
  };

  const renderNode = (node: TreeNode, depth: number) => {
    const key = nodeKey(node);
    const common = {
      role: 'treeitem',
      'aria-level': depth + 1,
      tabIndex: key === tabKey ? 0 : -1,
      'data-key': key,
      onFocus: (event: FocusEvent) => event.target === event.currentTarget && setFocusKey(key),
      onKeyDown: (event: KeyboardEvent<HTMLElement>) => event.target === event.currentTarget && onItemKey(node, event),
      onContextMenu: (event: MouseEvent) => {
        event.preventDefault();
        event.stopPropagation();
        menuAt(node, event.clientX, event.clientY);
      },
      ...dragHandlers(node),
    };
    const drop = dropKey === key ? ' drop-target' : '';
    const indent = { paddingLeft: 10 + depth * 14 };
    if (node.kind === 'folder') {
      const { folder } = node;
      const open = !collapsed.has(folder.id);
      const isRenaming = renaming?.kind === 'folder' && renaming.id === folder.id;
      return (
        <li key={key} {...common} aria-expanded={open} className={`playlist-node folder${drop}`}>
          <div className="playlist-label" style={indent} onClick={() => toggleFolder(folder.id)}>
            <span className="folder-caret" aria-hidden="true">
              {open ? '▾' : '▸'}
            </span>
            {isRenaming ? (
              <RenameField
                name={folder.name}
                onDone={(name) => {
                  setRenaming(null);
                  if (name !== null && name.trim() !== folder.name)
                    void rename({ kind: 'folder', id: folder.id }, name);
                }}
              />
            ) : (
              <span className="playlist-name">{folder.name}</span>
            )}
          </div>
          {open && node.children.length > 0 && (
            <ul role="group">{node.children.map((child) => renderNode(child, depth + 1))}</ul>
          )}
        </li>
      );
    }
    const { playlist } = node;
    const isRenaming = renaming?.kind === 'playlist' && renaming.id === playlist.id;
    const active = playlist.id === openId;
    return (
      <li
        key={key}
        {...common}
        aria-current={active ? 'page' : undefined}
        aria-label={
          // A smart playlist's entries are its rules' results, counted only when it is opened.
          playlist.smartQuery === null
            ? `${playlist.name}, ${playlist.entryCount} ${playlist.entryCount === 1 ? 'track' : 'tracks'}`
            : `${playlist.name}, smart playlist`
        }
        className={`playlist-node playlist${active ? ' active' : ''}${drop}`}
        data-playlist-id={playlist.id}
      >
        <div
          className="playlist-label"
          style={indent}
          onClick={() => openPlaylist(playlist.id, playlist.smartQuery !== null)}
        >
          <span className="playlist-icon" aria-hidden="true">
            {playlist.smartQuery === null ? '♫' : '✦'}
          </span>
          {isRenaming ? (
            <RenameField
              name={playlist.name}
              onDone={(name) => {
                setRenaming(null);
                if (name !== null && name.trim() !== playlist.name)
                  void rename({ kind: 'playlist', id: playlist.id }, name);
              }}
            />
          ) : (
            <>
              <span className="playlist-name">{playlist.name}</span>
              {playlist.smartQuery === null && <span className="playlist-count">{playlist.entryCount}</span>}
            </>
          )}
        </div>
      </li>
    );
  };

  return (
    <section className="playlist-section" aria-labelledby="playlists-heading">
      <div
        className={`playlist-heading${dropKey === 'root' ? ' drop-target' : ''}`}
        onDragOver={(event) => {
          if (!event.dataTransfer.types.includes(NODE_TYPE)) return;
          event.preventDefault();
          setDropKey('root');
        }}
        onDragLeave={() => setDropKey(null)}
        onDrop={(event) => {
          const moved = event.dataTransfer.getData(NODE_TYPE);
          setDropKey(null);
          if (moved) moveNode(moved, null);
        }}
      >
        <h2 id="playlists-heading">Playlists</h2>
        <button
          type="button"
          className="icon-button playlist-add"
          aria-label="New playlist, folder or import"
          aria-haspopup="menu"
          title="New playlist, folder or import"
          onClick={(event) => {
            const box = event.currentTarget.getBoundingClientRect();
            setMenu({ x: box.left, y: box.bottom + 2, items: createMenuItems() });
          }}
        >
          +
        </button>
      </div>
      {tree.length === 0 ? (
        <p className="playlist-empty">No playlists yet: + makes one.</p>
      ) : (
        <ul className="playlist-tree" role="tree" aria-labelledby="playlists-heading">
          {tree.map((node) => renderNode(node, 0))}
        </ul>
      )}
      {menu && <ContextMenu menu={menu} onClose={() => setMenu(null)} />}
      <PlaylistToast />
    </section>
  );
}

const nodeId = (node: TreeNode): number => (node.kind === 'folder' ? node.folder.id : node.playlist.id);
