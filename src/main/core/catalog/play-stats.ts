import type Database from 'better-sqlite3';
import type { LibraryChange, PlayStats } from '../../../shared/domain.ts';
import type { ChangeLog } from './changes.ts';

/**
 * Play counts, skips and last-played, keyed by track id: the id survives moves and rescans
 * (a moved file keeps its row), so these are never lost to a reorganised library.
 */
export class PlayStatsRepo {
  private readonly playStmt;
  private readonly skipStmt;
  private readonly getStmt;
  private readonly db: Database.Database;
  private readonly changes: ChangeLog;

  constructor(db: Database.Database, changes: ChangeLog) {
    this.db = db;
    this.changes = changes;
    this.playStmt = db.prepare(
      `INSERT INTO play_stats (track_id, play_count, last_played_at) VALUES (?, 1, ?)
       ON CONFLICT (track_id) DO UPDATE SET play_count = play_count + 1, last_played_at = excluded.last_played_at`,
    );
    this.skipStmt = db.prepare(
      `INSERT INTO play_stats (track_id, skip_count) VALUES (?, 1)
       ON CONFLICT (track_id) DO UPDATE SET skip_count = skip_count + 1`,
    );
    this.getStmt = db.prepare(
      `SELECT t.id AS trackId, COALESCE(ps.play_count, 0) AS playCount, COALESCE(ps.skip_count, 0) AS skipCount,
              ps.last_played_at AS lastPlayedAt
       FROM tracks t LEFT JOIN play_stats ps ON ps.track_id = t.id WHERE t.id = ?`,
    );
  }

  /** Null when the track is not in the catalog. */
  get(trackId: number): PlayStats | null {
    return (this.getStmt.get(trackId) as PlayStats | undefined) ?? null;
  }

  /** A play count is part of the row the views show (and sort by): it is a library change. */
  recordPlay(trackId: number, at: number): { stats: PlayStats; change: LibraryChange } | null {
    return this.db.transaction(() => {
      if (!this.get(trackId)) return null;
      this.playStmt.run(trackId, at);
      const change = this.changes.append({ added: [], updated: [trackId], removed: [], structural: false });
      return { stats: this.get(trackId)!, change };
    })();
  }

  recordSkip(trackId: number): PlayStats | null {
    if (!this.get(trackId)) return null;
    this.skipStmt.run(trackId);
    return this.get(trackId);
  }
}
