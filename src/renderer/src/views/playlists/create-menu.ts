// The sidebar's `+` menu: every way to make a playlist starts here, so a new kind (a smart
// playlist) is one more item in this list.
import { useNavigation } from '../../stores/navigation.ts';
import type { MenuItem } from '../common/ContextMenu.tsx';
import { newFolder, newPlaylist } from './actions.ts';
import { openPlaylistDialog } from './dialogs.ts';

export function createMenuItems(folderId: number | null = null): MenuItem[] {
  return [
    { label: 'New playlist', action: () => void newPlaylist(folderId) },
    {
      label: 'New smart playlist…',
      action: () => useNavigation.getState().open({ kind: 'smartEditor', playlistId: null }),
    },
    { label: 'New folder', action: () => void newFolder(folderId) },
    { label: 'Import playlist…', separatorBefore: true, action: () => openPlaylistDialog({ kind: 'import' }) },
  ];
}
