// The track tables' right-click menu.
import type { TrackRow } from '../../../../shared/domain.ts';
import { call } from '../../bridge/api.ts';
import { useNavigation } from '../../stores/navigation.ts';
import type { MenuItem } from '../common/ContextMenu.tsx';
import { useFolders } from '../folders/folders-store.ts';
import { formatCount } from '../common/ViewHeader.tsx';
import { queueTracks } from '../play.ts';
import { newPlaylistFrom } from '../playlists/actions.ts';
import { openPlaylistDialog } from '../playlists/dialogs.ts';
import { openTagEditor } from '../tags/tag-dialog.ts';
import { playSimilar } from '../../similar/play-similar.ts';
import { showSimilar } from '../../similar/show-similar.ts';

async function showInFolder(track: TrackRow): Promise<void> {
  const { opened, folder } = await call('library.showInFolder', { trackId: track.id });
  // In a browser there is no file manager to open: the Folders view shows the folder instead.
  if (!opened) {
    useFolders.getState().reveal(folder);
    useNavigation.getState().go('folders');
  }
}

export function trackMenu(options: {
  /** The row right-clicked (or under the cursor), and the selection it belongs to, in list order. */
  row: TrackRow | undefined;
  ids: () => number[];
  play(): void;
  selectAll(): void;
  /** The list's own items (a playlist's Remove). */
  extra?: MenuItem[];
}): MenuItem[] {
  const { row } = options;
  const count = options.ids().length;
  const noun = count > 1 ? `${formatCount(count)} tracks` : 'track';
  return [
    { label: count > 1 ? `Play ${noun}` : 'Play', action: options.play },
    { label: 'Play next', action: () => void queueTracks('next', options.ids()) },
    { label: 'Add to queue', action: () => void queueTracks('queue', options.ids()) },
    {
      label: 'Play similar',
      separatorBefore: true,
      disabled: count === 0,
      action: () => void playSimilar(options.ids()),
    },
    {
      label: 'Similar tracks',
      disabled: count === 0,
      action: () => showSimilar(options.ids(), row?.title),
    },
    {
      label: 'Add to playlist…',
      separatorBefore: true,
      disabled: count === 0,
      action: () => openPlaylistDialog({ kind: 'add', trackIds: options.ids() }),
    },
    {
      label: 'New playlist from selection…',
      disabled: count === 0,
      action: () => newPlaylistFrom(options.ids(), 'New playlist from selection'),
    },
    {
      label: count > 1 ? `Edit tags of ${noun}…` : 'Edit tags…',
      disabled: count === 0,
      action: () => openTagEditor(options.ids()),
    },
    ...(options.extra ?? []),
    {
      label: 'Show album',
      separatorBefore: true,
      disabled: !row?.albumId,
      action: () => row?.albumId && useNavigation.getState().open({ kind: 'album', albumId: row.albumId }),
    },
    { label: 'Show in folder', disabled: !row, action: () => row && void showInFolder(row) },
    { label: 'Select all', separatorBefore: true, action: options.selectAll },
  ];
}
