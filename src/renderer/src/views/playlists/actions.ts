// What the sidebar, the track tables and the queue do to playlists: each edit through the
// contract, its outcome said in a toast (failures as the core's sentence).
import type { PlaylistSummary } from '../../../../shared/domain.ts';
import { errorMessage } from '../../../../shared/error-text.ts';
import { call } from '../../bridge/api.ts';
import { useNavigation } from '../../stores/navigation.ts';
import { usePlaylists } from '../../stores/playlists.ts';
import { formatCount } from '../common/ViewHeader.tsx';
import { openPlaylistDialog } from './dialogs.ts';

const say = (notice: string | null) => usePlaylists.getState().say(notice);

export function sentence(err: unknown): string {
  const text = errorMessage(err);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Runs an edit; a failure becomes the toast's sentence instead of an unhandled rejection. */
export async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (err) {
    say(sentence(err));
    return undefined;
  }
}

/** "New playlist", or "New playlist 2" when that name is taken: a name to rename right away. */
export function freshName(base: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) if (!names.has(`${base} ${n}`)) return `${base} ${n}`;
}

const tracksNoun = (count: number) => (count === 1 ? '1 track' : `${formatCount(count)} tracks`);

/** A smart playlist opens on its own page (its rules a click away); a static one on the playlist page. */
export function openPlaylist(playlistId: number, smart = false): void {
  const { view, page, open } = useNavigation.getState();
  const kind = smart ? 'smart' : 'playlist';
  if (page?.kind !== kind || page.playlistId !== playlistId) {
    open({ kind, playlistId }, view === 'settings' ? 'songs' : view);
  }
}

/** An empty playlist, named at once in the sidebar (F2-style inline rename). */
export async function newPlaylist(folderId: number | null = null): Promise<void> {
  const { playlists, setRenaming } = usePlaylists.getState();
  const name = freshName(
    'New playlist',
    playlists.map((p) => p.name),
  );
  const created = await attempt(() => call('playlists.create', { name, folderId }));
  if (!created) return;
  await usePlaylists.getState().refresh();
  setRenaming({ kind: 'playlist', id: created.id });
}

export async function newFolder(parentId: number | null = null): Promise<void> {
  const { folders, setRenaming } = usePlaylists.getState();
  const name = freshName(
    'New folder',
    folders.map((f) => f.name),
  );
  const created = await attempt(() => call('playlists.createFolder', { name, parentId }));
  if (!created) return;
  await usePlaylists.getState().refresh();
  setRenaming({ kind: 'folder', id: created.id });
}

export async function addToPlaylist(playlist: PlaylistSummary, trackIds: number[]): Promise<void> {
  if (trackIds.length === 0) return;
  const added = await attempt(() => call('playlists.addTracks', { playlistId: playlist.id, trackIds }));
  if (added !== undefined) say(`Added ${tracksNoun(added)} to “${playlist.name}”.`);
}

/** Asks for a name, then saves these tracks (the queue, a selection) as a new playlist. */
export function newPlaylistFrom(trackIds: number[], title: string): void {
  openPlaylistDialog({
    kind: 'name',
    title,
    initial: freshName(
      'New playlist',
      usePlaylists.getState().playlists.map((p) => p.name),
    ),
    async submit(name) {
      const created = await call('playlists.saveQueue', { name, trackIds });
      say(`Saved ${tracksNoun(created.entryCount)} as “${created.name}”.`);
      openPlaylist(created.id);
    },
  });
}

export async function deletePlaylist(playlist: PlaylistSummary): Promise<void> {
  const done = await attempt(() => call('playlists.delete', { playlistId: playlist.id }));
  if (done === undefined) return;
  usePlaylists.getState().setDeleted(playlist);
  const { page, back } = useNavigation.getState();
  if (page?.kind === 'playlist' && page.playlistId === playlist.id) back();
}

export async function undoDelete(): Promise<void> {
  const { deleted, setDeleted } = usePlaylists.getState();
  if (!deleted) return;
  setDeleted(null);
  await attempt(() => call('playlists.undoDelete', { playlistId: deleted.id }));
}

export async function duplicatePlaylist(playlist: PlaylistSummary): Promise<void> {
  const name = freshName(
    `${playlist.name} copy`,
    usePlaylists.getState().playlists.map((p) => p.name),
  );
  await attempt(() => call('playlists.duplicate', { playlistId: playlist.id, name }));
}

export async function rename(target: { kind: 'playlist' | 'folder'; id: number }, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) return;
  await attempt<unknown>(() =>
    target.kind === 'playlist'
      ? call('playlists.rename', { playlistId: target.id, name: trimmed })
      : call('playlists.renameFolder', { folderId: target.id, name: trimmed }),
  );
}
