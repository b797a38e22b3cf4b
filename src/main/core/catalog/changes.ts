import type Database from 'better-sqlite3';
import type { LibraryChange } from '../../../shared/domain.ts';

interface RawChange {
  version: number;
  added: string;
  updated: string;
  removed: string;
  structural: number;
}

const toChange = (raw: RawChange): LibraryChange => ({
  version: raw.version,
  added: JSON.parse(raw.added) as number[],
  updated: JSON.parse(raw.updated) as number[],
  removed: JSON.parse(raw.removed) as number[],
  structural: raw.structural === 1,
});

/** The persistent change log: one row per committed write, its rowid the library version. */
export class ChangeLog {
  private readonly appendStmt;
  private readonly versionStmt;

  private readonly db: Database.Database;
  private appended: LibraryChange[] = [];

  constructor(db: Database.Database) {
    this.db = db;
    this.appendStmt = db.prepare(
      'INSERT INTO change_log (at, added, updated, removed, structural) VALUES (?, ?, ?, ?, ?)',
    );
    this.versionStmt = db.prepare('SELECT COALESCE(max(version), 0) FROM change_log').pluck();
  }

  /** Call inside the transaction that made the change, so the two commit together. */
  append(change: Omit<LibraryChange, 'version'>): LibraryChange {
    const info = this.appendStmt.run(
      Date.now(),
      JSON.stringify(change.added),
      JSON.stringify(change.updated),
      JSON.stringify(change.removed),
      change.structural ? 1 : 0,
    );
    const appended = { ...change, version: Number(info.lastInsertRowid) };
    this.appended.push(appended);
    return appended;
  }

  /** The changes appended since the last call, in commit order (the writer announces them). */
  takeAppended(): LibraryChange[] {
    const taken = this.appended;
    this.appended = [];
    return taken;
  }

  /** Roots, albums or availability changed: views refetch whole rather than by track. */
  appendStructural(): LibraryChange {
    return this.append({ added: [], updated: [], removed: [], structural: true });
  }

  version(): number {
    return this.versionStmt.get() as number;
  }

  since(version: number, limit: number): LibraryChange[] {
    return (
      this.db
        .prepare('SELECT * FROM change_log WHERE version > ? ORDER BY version LIMIT ?')
        .all(version, limit) as RawChange[]
    ).map(toChange);
  }
}
