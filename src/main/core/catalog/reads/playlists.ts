// The playlists as the sidebar and a playlist's page read them. Deleted playlists (the trash)
// are never shown.
import type Database from 'better-sqlite3';
import type {
  EntryState,
  PlaylistEntryRow,
  PlaylistFolder,
  PlaylistSummary,
  TrackRow,
} from '../../../../shared/domain.ts';
import { TRACK_ROW_COLUMNS, TRACK_ROW_FROM, toTrackRow } from '../track-row.ts';

const SUMMARY = /* sql */ `
  SELECT p.id, p.name, p.folder_id AS folderId, p.position, p.created_at AS createdAt, p.updated_at AS updatedAt,
    p.smart_query AS smartQuery, count(e.id) AS entryCount,
    count(e.id) - count(t.id) + COALESCE(sum(t.missing_since IS NOT NULL), 0) AS missingCount,
    COALESCE(sum(COALESCE(t.duration_s, e.duration_s)), 0) AS durationS
  FROM playlists p LEFT JOIN playlist_entries e ON e.playlist_id = p.id LEFT JOIN tracks t ON t.id = e.track_id`;

interface RawEntry {
  entryId: number;
  trackId: number | null;
  path: string;
  title: string | null;
  artist: string | null;
  album: string | null;
  durationS: number | null;
}

export class PlaylistReads {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      list: db.prepare(`${SUMMARY} WHERE p.deleted_at IS NULL GROUP BY p.id ORDER BY p.folder_id, p.position, p.id`),
      one: db.prepare(`${SUMMARY} WHERE p.id = ? AND p.deleted_at IS NULL GROUP BY p.id`),
      folders: db.prepare(
        `SELECT f.id, f.name, f.parent_id AS parentId, f.position,
           (SELECT count(*) FROM playlists p WHERE p.folder_id = f.id AND p.deleted_at IS NULL) AS playlistCount
         FROM playlist_folders f ORDER BY f.parent_id, f.position, f.id`,
      ),
      entries: db.prepare(
        `SELECT id AS entryId, track_id AS trackId, path, title, artist, album, duration_s AS durationS
         FROM playlist_entries WHERE playlist_id = ? ORDER BY position, id`,
      ),
      entriesByIds: db.prepare(
        `SELECT e.id AS entryId, e.track_id AS trackId, e.path, e.title, e.artist, e.album, e.duration_s AS durationS
         FROM json_each(?) j CROSS JOIN playlist_entries e WHERE e.id = j.value`,
      ),
      order: db.prepare('SELECT id, track_id FROM playlist_entries WHERE playlist_id = ? ORDER BY position, id').raw(),
      exists: db.prepare('SELECT 1 FROM playlists WHERE id = ? AND deleted_at IS NULL').pluck(),
      smartQuery: db.prepare('SELECT smart_query FROM playlists WHERE id = ? AND deleted_at IS NULL').pluck(),
      tracks: db.prepare(
        `SELECT ${TRACK_ROW_COLUMNS} FROM json_each(?) j CROSS JOIN ${TRACK_ROW_FROM} WHERE t.id = j.value`,
      ),
      missingSince: db.prepare('SELECT missing_since FROM tracks WHERE id = ?').pluck(),
    };
  }

  list(): PlaylistSummary[] {
    return this.s.list.all() as PlaylistSummary[];
  }

  folders(): PlaylistFolder[] {
    return this.s.folders.all() as PlaylistFolder[];
  }

  get(playlistId: number): PlaylistSummary | null {
    return (this.s.one.get(playlistId) as PlaylistSummary | undefined) ?? null;
  }

  /** In order, each with what it shows: its track's row, or what it remembers of a track gone. */
  entries(playlistId: number): PlaylistEntryRow[] {
    return this.toRows(this.s.entries.all(playlistId) as RawEntry[]);
  }

  /** These entries (a window of a playlist view), in the order asked; ids gone are left out. */
  entriesByIds(entryIds: ArrayLike<number>): PlaylistEntryRow[] {
    const raw = this.s.entriesByIds.all(JSON.stringify(Array.from(entryIds))) as RawEntry[];
    const byId = new Map(raw.map((entry) => [entry.entryId, entry]));
    return this.toRows(Array.from(entryIds).flatMap((id) => byId.get(id) ?? []));
  }

  /** Entry ids and their tracks (null: none) in entry order: what a playlist view sorts and filters. */
  order(playlistId: number): [entryId: number, trackId: number | null][] {
    return this.s.order.all(playlistId) as [number, number | null][];
  }

  exists(playlistId: number): boolean {
    return this.s.exists.get(playlistId) !== undefined;
  }

  /** A smart playlist's query; null for a list of entries, undefined when there is no such playlist. */
  smartQuery(playlistId: number): string | null | undefined {
    return this.s.smartQuery.get(playlistId) as string | null | undefined;
  }

  /** A smart playlist's rows: each track an entry of its own, under its track id. */
  trackEntries(trackIds: ArrayLike<number>): PlaylistEntryRow[] {
    const raw = Array.from(trackIds, (id) => ({
      entryId: id,
      trackId: id,
      path: '',
      title: null,
      artist: null,
      album: null,
      durationS: null,
    }));
    return this.toRows(raw).filter((row) => row.track !== null);
  }

  /** The playable order: what the player queues when the playlist is played. */
  trackIds(playlistId: number): number[] {
    return this.entries(playlistId).flatMap((entry) => (entry.state === 'present' ? [entry.trackId!] : []));
  }

  private toRows(raw: RawEntry[]): PlaylistEntryRow[] {
    const ids = [...new Set(raw.flatMap((entry) => entry.trackId ?? []))];
    const rows = new Map(
      (this.s.tracks.all(JSON.stringify(ids)) as unknown[]).map(toTrackRow).map((row) => [row.id, row]),
    );
    return raw.map((entry) => {
      const track = entry.trackId === null ? null : (rows.get(entry.trackId) ?? null);
      return {
        ...entry,
        path: track?.path ?? entry.path,
        title: track?.title ?? entry.title,
        artist: track?.artist ?? entry.artist,
        album: track?.album ?? entry.album,
        durationS: track?.durationS ?? entry.durationS,
        state: track ? this.stateOf(track) : 'missing',
        track,
      };
    });
  }

  private stateOf(track: TrackRow): EntryState {
    if (track.available) return 'present';
    return this.s.missingSince.get(track.id) === null ? 'offline' : 'missing';
  }
}
