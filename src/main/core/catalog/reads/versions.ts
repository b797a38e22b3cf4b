// What the views ask the change log: which library version the catalog is at, and whether
// anything between two versions could have changed a list they hold.
import type Database from 'better-sqlite3';

export interface ChangeScope {
  /** Tracks were added, removed or re-tagged between the two versions. */
  reshaped: boolean;
  /** Tracks were updated (a play, a rating): only the orders by play statistics care. */
  touched: boolean;
}

export class VersionReads {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      version: db.prepare('SELECT COALESCE(max(version), 0) FROM change_log').pluck(),
      trackCount: db.prepare('SELECT count(*) FROM tracks').pluck(),
      scope: db
        .prepare(
          `SELECT COALESCE(max(structural OR added != '[]' OR removed != '[]'), 0) AS reshaped,
                  COALESCE(max(updated != '[]'), 0) AS touched
           FROM change_log WHERE version > ? AND version <= ?`,
        )
        .raw(),
    };
  }

  version(): number {
    return this.statements.version.get() as number;
  }

  trackCount(): number {
    return this.statements.trackCount.get() as number;
  }

  /** What changed after `from` up to and including `to`. */
  scope(from: number, to: number): ChangeScope {
    const [reshaped, touched] = this.statements.scope.get(from, to) as [number, number];
    return { reshaped: reshaped !== 0, touched: touched !== 0 };
  }
}
