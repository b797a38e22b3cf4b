// Playlist writes, run by the writer thread. Each edit appends a change to the change log (an
// empty one: no track changed), so it has a library version and is announced in commit order.
import type Database from 'better-sqlite3';
import { TonearmError } from '../../../shared/result.ts';
import type { ChangeLog } from './changes.ts';

/** An entry to add: a track, or (an import's unmatched line) only what the file said. */
export interface NewEntry {
  trackId: number | null;
  path: string;
  title?: string | null;
  artist?: string | null;
  album?: string | null;
  durationS?: number | null;
}

/** The writer thread's playlist operations (write-operations.ts spreads them in). */
export function playlistWrites(db: Database.Database, changes: ChangeLog) {
  const playlists = new PlaylistWrites(db, changes);
  return {
    createPlaylist: (name: string, folderId: number | null, entries: NewEntry[], smartQuery: string | null) =>
      playlists.create(name, folderId, entries, smartQuery),
    createPlaylistFromTracks: (name: string, folderId: number | null, trackIds: number[]) =>
      playlists.createFromTracks(name, folderId, trackIds),
    renamePlaylist: (id: number, name: string) => playlists.rename(id, name),
    setSmartQuery: (id: number, smartQuery: string) => playlists.setSmartQuery(id, smartQuery),
    duplicatePlaylist: (id: number, name: string | null) => playlists.duplicate(id, name),
    deletePlaylist: (id: number) => playlists.delete(id),
    undoDeletePlaylist: (id: number) => playlists.undoDelete(id),
    movePlaylist: (id: number, folderId: number | null, position: number | null) =>
      playlists.move(id, folderId, position),
    addPlaylistTracks: (id: number, trackIds: number[], position: number | null) =>
      playlists.addTracks(id, trackIds, position),
    removePlaylistEntries: (id: number, entryIds: number[]) => playlists.removeEntries(id, entryIds),
    movePlaylistEntries: (id: number, entryIds: number[], position: number) =>
      playlists.moveEntries(id, entryIds, position),
    createPlaylistFolder: (name: string, parentId: number | null) => playlists.createFolder(name, parentId),
    renamePlaylistFolder: (id: number, name: string) => playlists.renameFolder(id, name),
    movePlaylistFolder: (id: number, parentId: number | null, position: number | null) =>
      playlists.moveFolder(id, parentId, position),
    deletePlaylistFolder: (id: number) => playlists.deleteFolder(id),
  };
}

const notFound = (what: string, id: number) => new TonearmError('NOT_FOUND', `No ${what} ${id}`);

export class PlaylistWrites {
  private readonly s;
  private readonly db: Database.Database;
  private readonly changes: ChangeLog;

  constructor(db: Database.Database, changes: ChangeLog) {
    this.db = db;
    this.changes = changes;
    this.s = {
      playlist: db.prepare('SELECT id, smart_query AS smartQuery FROM playlists WHERE id = ? AND deleted_at IS NULL'),
      insertPlaylist: db.prepare(
        `INSERT INTO playlists (name, folder_id, position, created_at, updated_at, smart_query)
         VALUES (?, ?, (SELECT COALESCE(max(position) + 1, 0) FROM playlists WHERE folder_id IS ?), ?, ?, ?)`,
      ),
      rename: db.prepare('UPDATE playlists SET name = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL'),
      touch: db.prepare('UPDATE playlists SET updated_at = ? WHERE id = ?'),
      trash: db.prepare('UPDATE playlists SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL'),
      emptyTrash: db.prepare('DELETE FROM playlists WHERE deleted_at IS NOT NULL AND id != ?'),
      restore: db.prepare(
        'UPDATE playlists SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL',
      ),
      place: db.prepare('UPDATE playlists SET folder_id = ?, position = ? WHERE id = ?'),
      siblings: db
        .prepare(
          'SELECT id FROM playlists WHERE folder_id IS ? AND deleted_at IS NULL AND id != ? ORDER BY position, id',
        )
        .pluck(),
      entryIds: db.prepare('SELECT id FROM playlist_entries WHERE playlist_id = ? ORDER BY position, id').pluck(),
      setPosition: db.prepare('UPDATE playlist_entries SET position = ? WHERE id = ? AND position != ?'),
      insertEntry: db.prepare(
        `INSERT INTO playlist_entries (playlist_id, position, track_id, path, title, artist, album, duration_s)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertTrackEntry: db.prepare(
        `INSERT INTO playlist_entries (playlist_id, position, track_id, path, title, artist, album, duration_s)
         SELECT ?, ?, id, path, title, artist, album, duration_s FROM tracks WHERE id = ?`,
      ),
      copyEntries: db.prepare(
        `INSERT INTO playlist_entries (playlist_id, position, track_id, path, title, artist, album, duration_s)
         SELECT ?, position, track_id, path, title, artist, album, duration_s FROM playlist_entries WHERE playlist_id = ?`,
      ),
      deleteEntry: db.prepare('DELETE FROM playlist_entries WHERE id = ? AND playlist_id = ?'),
      nameOf: db.prepare('SELECT name, folder_id AS folderId, smart_query AS smartQuery FROM playlists WHERE id = ?'),
      folder: db.prepare('SELECT id, parent_id AS parentId FROM playlist_folders WHERE id = ?'),
      insertFolder: db.prepare(
        `INSERT INTO playlist_folders (name, parent_id, position, created_at)
         VALUES (?, ?, (SELECT COALESCE(max(position) + 1, 0) FROM playlist_folders WHERE parent_id IS ?), ?)`,
      ),
      renameFolder: db.prepare('UPDATE playlist_folders SET name = ? WHERE id = ?'),
      folderSiblings: db
        .prepare('SELECT id FROM playlist_folders WHERE parent_id IS ? AND id != ? ORDER BY position, id')
        .pluck(),
      placeFolder: db.prepare('UPDATE playlist_folders SET parent_id = ?, position = ? WHERE id = ?'),
      childFolders: db.prepare('SELECT id FROM playlist_folders WHERE parent_id = ? ORDER BY position, id').pluck(),
      childPlaylists: db.prepare('SELECT id FROM playlists WHERE folder_id = ? ORDER BY position, id').pluck(),
      deleteFolder: db.prepare('DELETE FROM playlist_folders WHERE id = ?'),
      setSmartQuery: db.prepare('UPDATE playlists SET smart_query = ?, updated_at = ? WHERE id = ?'),
    };
  }

  create(name: string, folderId: number | null, entries: readonly NewEntry[] = [], smartQuery: string | null = null) {
    return this.edit(() => {
      if (folderId !== null) this.requireFolder(folderId);
      const now = Date.now();
      const id = Number(this.s.insertPlaylist.run(name, folderId, folderId, now, now, smartQuery).lastInsertRowid);
      this.insertEntries(id, 0, entries);
      return id;
    });
  }

  /** A list of track ids (a selection, the queue): ids no longer in the catalog are skipped. */
  createFromTracks(name: string, folderId: number | null, trackIds: readonly number[]) {
    return this.edit(() => {
      const id = this.create(name, folderId);
      this.addTracks(id, trackIds, null);
      return id;
    });
  }

  rename(playlistId: number, name: string) {
    return this.edit(() => {
      if (this.s.rename.run(name, Date.now(), playlistId).changes === 0) throw notFound('playlist', playlistId);
      return playlistId;
    });
  }

  setSmartQuery(playlistId: number, smartQuery: string) {
    return this.edit(() => {
      if (this.requirePlaylist(playlistId).smartQuery === null)
        throw new TonearmError('BAD_INPUT', `Playlist ${playlistId} is a list of entries, not a smart playlist`);
      this.s.setSmartQuery.run(smartQuery, Date.now(), playlistId);
      return playlistId;
    });
  }

  duplicate(playlistId: number, name: string | null) {
    return this.edit(() => {
      this.requirePlaylist(playlistId);
      const source = this.s.nameOf.get(playlistId) as {
        name: string;
        folderId: number | null;
        smartQuery: string | null;
      };
      const id = this.create(name ?? `${source.name} copy`, source.folderId, [], source.smartQuery);
      this.s.copyEntries.run(id, playlistId);
      return id;
    });
  }

  /** Into the trash, which holds only the latest delete: the one before is now gone for good. */
  delete(playlistId: number) {
    return this.edit(() => {
      if (this.s.trash.run(Date.now(), playlistId).changes === 0) throw notFound('playlist', playlistId);
      this.s.emptyTrash.run(playlistId);
      return playlistId;
    });
  }

  undoDelete(playlistId: number) {
    return this.edit(() => {
      if (this.s.restore.run(Date.now(), playlistId).changes === 0)
        throw new TonearmError(
          'NOT_FOUND',
          `Playlist ${playlistId} is not in the trash (only the last delete can be undone)`,
        );
      return playlistId;
    });
  }

  /** Into a folder (null: the top level) at a position among its playlists; the end by default. */
  move(playlistId: number, folderId: number | null, position: number | null) {
    return this.edit(() => {
      this.requirePlaylist(playlistId);
      if (folderId !== null) this.requireFolder(folderId);
      const order = this.s.siblings.all(folderId, playlistId) as number[];
      order.splice(clamp(position, order.length), 0, playlistId);
      order.forEach((id, index) => this.s.place.run(folderId, index, id));
      return playlistId;
    });
  }

  /** Tracks by id at a position (null: the end); ids no longer in the catalog are skipped. */
  addTracks(playlistId: number, trackIds: readonly number[], position: number | null) {
    return this.editEntries(playlistId, (order) => {
      const at = clamp(position, order.length);
      const added: number[] = [];
      for (const trackId of trackIds) {
        const info = this.s.insertTrackEntry.run(playlistId, 0, trackId);
        if (info.changes > 0) added.push(Number(info.lastInsertRowid));
      }
      order.splice(at, 0, ...added);
      return added.length;
    });
  }

  removeEntries(playlistId: number, entryIds: readonly number[]) {
    return this.editEntries(playlistId, (order) => {
      const gone = new Set(entryIds);
      let removed = 0;
      for (const id of gone) removed += this.s.deleteEntry.run(id, playlistId).changes;
      order.splice(0, order.length, ...order.filter((id) => !gone.has(id)));
      return removed;
    });
  }

  /**
   * These entries, in the order given, moved to `position`, an index into the playlist as it
   * was before the move (what the renderer's drop line points at); the rest keep their order.
   */
  moveEntries(playlistId: number, entryIds: readonly number[], position: number) {
    return this.editEntries(playlistId, (order) => {
      const moving = new Set(entryIds.filter((id) => order.includes(id)));
      const at = clamp(position, order.length);
      const before = order.slice(0, at).filter((id) => !moving.has(id));
      const after = order.slice(at).filter((id) => !moving.has(id));
      const moved = entryIds.filter((id, i) => moving.has(id) && entryIds.indexOf(id) === i);
      order.splice(0, order.length, ...before, ...moved, ...after);
      return moved.length;
    });
  }

  createFolder(name: string, parentId: number | null) {
    return this.edit(() => {
      if (parentId !== null) this.requireFolder(parentId);
      return Number(this.s.insertFolder.run(name, parentId, parentId, Date.now()).lastInsertRowid);
    });
  }

  renameFolder(folderId: number, name: string) {
    return this.edit(() => {
      if (this.s.renameFolder.run(name, folderId).changes === 0) throw notFound('playlist folder', folderId);
      return folderId;
    });
  }

  moveFolder(folderId: number, parentId: number | null, position: number | null) {
    return this.edit(() => {
      this.requireFolder(folderId);
      for (let at = parentId; at !== null; at = this.requireFolder(at).parentId)
        if (at === folderId) throw new TonearmError('BAD_INPUT', 'A folder cannot go inside itself');
      const order = this.s.folderSiblings.all(parentId, folderId) as number[];
      order.splice(clamp(position, order.length), 0, folderId);
      order.forEach((id, index) => this.s.placeFolder.run(parentId, index, id));
      return folderId;
    });
  }

  /** Its playlists and folders move up into its parent, after what is there: nothing is lost. */
  deleteFolder(folderId: number) {
    return this.edit(() => {
      const { parentId } = this.requireFolder(folderId);
      for (const child of this.s.childFolders.all(folderId) as number[]) this.moveFolder(child, parentId, null);
      for (const playlist of this.s.childPlaylists.all(folderId) as number[]) this.move(playlist, parentId, null);
      this.s.deleteFolder.run(folderId);
      return folderId;
    });
  }

  /** One transaction and one change, however many edits an operation is made of. */
  private edit<T>(work: () => T): T {
    if (this.db.inTransaction) return work();
    return this.db.transaction(() => {
      const value = work();
      this.changes.append({ added: [], updated: [], removed: [], structural: false });
      return value;
    })();
  }

  private editEntries(playlistId: number, change: (order: number[]) => number): number {
    return this.edit(() => {
      const playlist = this.requirePlaylist(playlistId);
      if (playlist.smartQuery !== null)
        throw new TonearmError('BAD_INPUT', `Playlist ${playlistId} is a smart playlist: its query decides its tracks`);
      const order = this.s.entryIds.all(playlistId) as number[];
      const count = change(order);
      order.forEach((id, index) => this.s.setPosition.run(index, id, index));
      this.s.touch.run(Date.now(), playlistId);
      return count;
    });
  }

  private insertEntries(playlistId: number, from: number, entries: readonly NewEntry[]): void {
    entries.forEach((entry, i) => {
      // A matched line remembers its track as the catalog knows it, not as the file spelled it.
      if (entry.trackId !== null && this.s.insertTrackEntry.run(playlistId, from + i, entry.trackId).changes > 0)
        return;
      this.s.insertEntry.run(
        playlistId,
        from + i,
        // Unmatched, or its track went between the match and this write: kept by what it remembers.
        null,
        entry.path,
        entry.title ?? null,
        entry.artist ?? null,
        entry.album ?? null,
        entry.durationS ?? null,
      );
    });
  }

  private requirePlaylist(playlistId: number): { id: number; smartQuery: string | null } {
    const row = this.s.playlist.get(playlistId) as { id: number; smartQuery: string | null } | undefined;
    if (!row) throw notFound('playlist', playlistId);
    return row;
  }

  private requireFolder(folderId: number): { id: number; parentId: number | null } {
    const row = this.s.folder.get(folderId) as { id: number; parentId: number | null } | undefined;
    if (!row) throw notFound('playlist folder', folderId);
    return row;
  }
}

const clamp = (position: number | null, length: number) =>
  position === null ? length : Math.max(0, Math.min(position, length));
