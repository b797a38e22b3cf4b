import type Database from 'better-sqlite3';
import type { PlayStats } from '../../../shared/domain.ts';
import type { ChangeLog } from './changes.ts';

const SELECT_STATS = `SELECT t.id AS trackId, COALESCE(ps.play_count, 0) AS playCount, COALESCE(ps.skip_count, 0) AS skipCount,
       ps.last_played_at AS lastPlayedAt
  FROM tracks t LEFT JOIN play_stats ps ON ps.track_id = t.id WHERE t.id = ?`;

/**
 * Play counts, skips and last-played, keyed by track id: the id survives moves and rescans
 * (a moved file keeps its row), so these are never lost to a reorganised library.
 */
export class PlayStatsRepo {
  private readonly getStmt;

  constructor(db: Database.Database) {
    this.getStmt = db.prepare(SELECT_STATS);
  }

  /** Null when the track is not in the catalog. */
  get(trackId: number): PlayStats | null {
    return (this.getStmt.get(trackId) as PlayStats | undefined) ?? null;
  }
}

/** The writes, run by the writer thread. */
export class PlayStatsWrites {
  private readonly playStmt;
  private readonly skipStmt;
  private readonly rateStmt;
  private readonly reads: PlayStatsRepo;
  private readonly db: Database.Database;
  private readonly changes: ChangeLog;

  constructor(db: Database.Database, changes: ChangeLog) {
    this.db = db;
    this.changes = changes;
    this.reads = new PlayStatsRepo(db);
    this.playStmt = db.prepare(
      `INSERT INTO play_stats (track_id, play_count, last_played_at) VALUES (?, 1, ?)
       ON CONFLICT (track_id) DO UPDATE SET play_count = play_count + 1, last_played_at = excluded.last_played_at`,
    );
    this.skipStmt = db.prepare(
      `INSERT INTO play_stats (track_id, skip_count) VALUES (?, 1)
       ON CONFLICT (track_id) DO UPDATE SET skip_count = skip_count + 1`,
    );
    this.rateStmt = db.prepare(
      `INSERT INTO play_stats (track_id, rating) SELECT id, ? FROM tracks WHERE id = ?
       ON CONFLICT (track_id) DO UPDATE SET rating = excluded.rating`,
    );
  }

  /** A play count is part of the row the views show (and sort by): it is a library change. */
  recordPlay(trackId: number, at: number): PlayStats | null {
    return this.db.transaction(() => {
      if (!this.reads.get(trackId)) return null;
      this.playStmt.run(trackId, at);
      this.changes.append({ added: [], updated: [trackId], removed: [], structural: false });
      return this.reads.get(trackId);
    })();
  }

  /** Skips are a Songs column too (and a smart playlist rule): a change, like a play. */
  recordSkip(trackId: number): PlayStats | null {
    return this.db.transaction(() => {
      if (!this.reads.get(trackId)) return null;
      this.skipStmt.run(trackId);
      this.changes.append({ added: [], updated: [trackId], removed: [], structural: false });
      return this.reads.get(trackId);
    })();
  }

  /**
   * Whole stars (the column allows 0–5 integers); 0 is stored as no rating, so that unrated
   * has one spelling. Returns the ids rated: those still in the catalog.
   */
  setRating(trackIds: readonly number[], rating: number | null): number[] {
    return this.db.transaction(() => {
      const stored = rating === 0 ? null : rating;
      const rated = [...new Set(trackIds)].filter((id) => this.rateStmt.run(stored, id).changes > 0);
      if (rated.length > 0) this.changes.append({ added: [], updated: rated, removed: [], structural: false });
      return rated;
    })();
  }
}
