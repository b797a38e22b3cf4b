import type Database from 'better-sqlite3';
import type { TrackRow } from '../../../shared/domain.ts';
import { TRACK_ROW_COLUMNS, TRACK_ROW_FROM, toTrackRow } from './track-row.ts';

export interface TrackFile {
  id: number;
  path: string;
  size: number;
  mtimeNs: bigint;
  rootId: number;
  /** The library folder the track belongs to: the media handler serves nothing outside it. */
  rootPath: string;
  available: boolean;
}

/** What the media handler needs to tell a format Chromium decodes from one to transcode. */
export interface TrackAudio {
  codec: string | null;
  container: string | null;
  durationS: number | null;
  sampleRate: number | null;
  bitDepth: number | null;
  channels: number | null;
}

export class TracksRepo {
  private readonly countStmt;
  private readonly pageStmt;
  private readonly byIdStmt;
  private readonly fileStmt;
  private readonly audioStmt;
  private readonly formatGroupsStmt;

  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
    this.countStmt = db.prepare('SELECT count(*) AS n FROM tracks').pluck();
    this.pageStmt = db.prepare(
      `SELECT ${TRACK_ROW_COLUMNS} FROM ${TRACK_ROW_FROM}
       ORDER BY t.album_artist COLLATE NOCASE, t.album COLLATE NOCASE, t.disc_no, t.track_no, t.id
       LIMIT ? OFFSET ?`,
    );
    this.byIdStmt = db.prepare(
      `SELECT ${TRACK_ROW_COLUMNS} FROM ${TRACK_ROW_FROM} WHERE t.id IN (SELECT value FROM json_each(?))`,
    );
    this.fileStmt = db
      .prepare(
        `SELECT t.id, t.path, t.size, t.mtime_ns AS mtimeNs, t.root_id AS rootId, r.path AS rootPath,
                (t.missing_since IS NULL AND r.online = 1) AS available
         FROM tracks t JOIN roots r ON r.id = t.root_id WHERE t.id = ?`,
      )
      .safeIntegers(true);
    this.audioStmt = db.prepare(
      `SELECT codec, container, duration_s AS durationS, sample_rate AS sampleRate, bit_depth AS bitDepth, channels
       FROM tracks WHERE id = ?`,
    );
    // rtrim by every character but '.' leaves the path up to its last dot: what follows is the extension.
    this.formatGroupsStmt = db.prepare(
      `SELECT codec, container, ext, count(*) AS count FROM (
         SELECT codec, container,
                CASE WHEN coalesce(codec, '') = '' OR coalesce(container, '') = '' THEN lower(substr(path, length(rtrim(path, replace(path, '.', ''))))) ELSE '' END AS ext
         FROM tracks WHERE missing_since IS NULL)
       GROUP BY codec, container, ext ORDER BY count DESC`,
    );
  }

  /** Tracks counted by codec, container and (where the parse named no codec or container) extension. */
  formatGroups(): { codec: string | null; container: string | null; ext: string; count: number }[] {
    return this.formatGroupsStmt.all() as {
      codec: string | null;
      container: string | null;
      ext: string;
      count: number;
    }[];
  }

  audio(id: number): TrackAudio | null {
    return (this.audioStmt.get(id) as TrackAudio | undefined) ?? null;
  }

  count(): number {
    return this.countStmt.get() as number;
  }

  page(offset: number, limit: number): TrackRow[] {
    return this.pageStmt.all(limit, offset).map(toTrackRow);
  }

  /** Rows for these ids, in the order asked. */
  byIds(ids: readonly number[]): TrackRow[] {
    const rows = new Map<number, TrackRow>();
    for (const raw of this.byIdStmt.all(JSON.stringify(ids))) {
      const row = toTrackRow(raw);
      rows.set(row.id, row);
    }
    return ids.flatMap((id) => rows.get(id) ?? []);
  }

  /** The track of a file, by its path as the catalog holds it (absolute, symlinks as walked). */
  idOfPath(path: string): number | null {
    return (this.db.prepare('SELECT id FROM tracks WHERE path = ?').pluck().get(path) as number | undefined) ?? null;
  }

  /** Where a track's bytes live: what the media handler may serve, and nothing else. */
  file(id: number): TrackFile | null {
    const raw = this.fileStmt.get(id) as
      | {
          id: bigint;
          path: string;
          size: bigint;
          mtimeNs: bigint;
          rootId: bigint;
          rootPath: string;
          available: bigint;
        }
      | undefined;
    if (!raw) return null;
    return {
      id: Number(raw.id),
      path: raw.path,
      size: Number(raw.size),
      mtimeNs: raw.mtimeNs,
      rootId: Number(raw.rootId),
      rootPath: raw.rootPath,
      available: raw.available === 1n,
    };
  }
}
