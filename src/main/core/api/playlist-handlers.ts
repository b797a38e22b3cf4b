// The playlists commands: writes through the writer thread, reads off the main connection, and
// a playlists.changed event after each edit committed.
import type { PlaylistFolder, PlaylistSummary } from '../../../shared/domain.ts';
import { TonearmError } from '../../../shared/result.ts';
import { TrackLookup } from '../catalog/reads/track-lookup.ts';
import type { Core } from '../core.ts';
import { exportPlaylist } from '../playlists/export.ts';
import { planImport } from '../playlists/import.ts';
import { expandHome } from '../roots/user-path.ts';
import type { Handlers } from './handlers.ts';

type PlaylistCommands = Extract<keyof Handlers, `playlists.${string}`>;

/** A browser has no file picker for the core's machine: paths are typed there, `~/` included. */

export function playlistHandlers(core: Core): Pick<Handlers, PlaylistCommands> {
  const { catalog, bus } = core;
  const writes = core.writer.write;
  const reads = catalog.playlists;
  const tracks = new TrackLookup(catalog.db);
  const announce = (playlistIds: number[], tree: boolean) =>
    bus.emit('playlists.changed', { version: catalog.changes.version(), playlistIds, tree });
  const summary = (playlistId: number): PlaylistSummary => {
    const found = reads.get(playlistId);
    if (!found) throw new TonearmError('NOT_FOUND', `No playlist ${playlistId}`);
    return found;
  };
  const folder = (folderId: number): PlaylistFolder => {
    const found = reads.folders().find((f) => f.id === folderId);
    if (!found) throw new TonearmError('NOT_FOUND', `No playlist folder ${folderId}`);
    return found;
  };
  /** Runs a write to one playlist, announces it, answers with what it returned. */
  const edited = async <T>(playlistId: number, write: Promise<T>, tree = false): Promise<T> => {
    const value = await write;
    announce([playlistId], tree);
    return value;
  };
  const created = async (write: Promise<number>) => {
    const id = await write;
    announce([id], true);
    return summary(id);
  };
  const folderEdit = async (write: Promise<number>) => {
    const id = await write;
    announce([], true);
    return id;
  };
  return {
    'playlists.list': () => ({ folders: reads.folders(), playlists: reads.list() }),
    'playlists.get': ({ playlistId }) => ({ playlist: summary(playlistId), entries: reads.entries(playlistId) }),
    'playlists.trackIds': ({ playlistId }) => {
      // A smart playlist's rules are evaluated where the views keep the library's orders.
      if (summary(playlistId).smartQuery !== null) return core.views.thread.smartTrackIds(playlistId);
      return reads.trackIds(playlistId);
    },
    'playlists.setSmartQuery': async ({ playlistId, smartQuery }) =>
      summary(await edited(playlistId, writes.setSmartQuery(playlistId, smartQuery))),
    'playlists.create': ({ name, folderId, trackIds, smartQuery }) =>
      created(
        smartQuery !== undefined
          ? writes.createPlaylist(name, folderId ?? null, [], smartQuery)
          : writes.createPlaylistFromTracks(name, folderId ?? null, trackIds ?? []),
      ),
    'playlists.saveQueue': ({ name, trackIds, folderId }) =>
      created(writes.createPlaylistFromTracks(name, folderId ?? null, trackIds)),
    'playlists.rename': async ({ playlistId, name }) =>
      summary(await edited(playlistId, writes.renamePlaylist(playlistId, name))),
    'playlists.duplicate': ({ playlistId, name }) => created(writes.duplicatePlaylist(playlistId, name ?? null)),
    'playlists.delete': async ({ playlistId }) => {
      await edited(playlistId, writes.deletePlaylist(playlistId), true);
      return null;
    },
    'playlists.undoDelete': async ({ playlistId }) =>
      summary(await edited(playlistId, writes.undoDeletePlaylist(playlistId), true)),
    'playlists.move': async ({ playlistId, folderId, position }) =>
      summary(await edited(playlistId, writes.movePlaylist(playlistId, folderId, position ?? null), true)),
    'playlists.addTracks': ({ playlistId, trackIds, position }) =>
      edited(playlistId, writes.addPlaylistTracks(playlistId, trackIds, position ?? null)),
    'playlists.removeEntries': ({ playlistId, entryIds }) =>
      edited(playlistId, writes.removePlaylistEntries(playlistId, entryIds)),
    'playlists.moveEntries': ({ playlistId, entryIds, position }) =>
      edited(playlistId, writes.movePlaylistEntries(playlistId, entryIds, position)),
    'playlists.createFolder': async ({ name, parentId }) =>
      folder(await folderEdit(writes.createPlaylistFolder(name, parentId ?? null))),
    'playlists.renameFolder': async ({ folderId, name }) =>
      folder(await folderEdit(writes.renamePlaylistFolder(folderId, name))),
    'playlists.moveFolder': async ({ folderId, parentId, position }) =>
      folder(await folderEdit(writes.movePlaylistFolder(folderId, parentId, position ?? null))),
    'playlists.deleteFolder': async ({ folderId }) => {
      await folderEdit(writes.deletePlaylistFolder(folderId));
      return null;
    },
    'playlists.import': async ({ path, name, folderId }) => {
      const plan = await planImport(expandHome(path), tracks, { name });
      const id = await writes.createPlaylist(plan.name, folderId ?? null, plan.entries, null);
      announce([id], true);
      const { format, encoding, matched, unmatched } = plan;
      return { playlist: summary(id), format, encoding, matched, unmatched };
    },
    'playlists.export': ({ playlistId, path, format }) => {
      summary(playlistId);
      return exportPlaylist(reads.entries(playlistId), expandHome(path), format);
    },
  };
}
