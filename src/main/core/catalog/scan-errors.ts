import type Database from 'better-sqlite3';
import type { ScanError } from '../../../shared/domain.ts';

export class ScanErrorsRepo {
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
  }

  page(offset: number, limit: number): { total: number; rows: ScanError[] } {
    const total = this.db.prepare('SELECT count(*) FROM scan_errors').pluck().get() as number;
    const rows = this.db
      .prepare('SELECT path, message, at FROM scan_errors ORDER BY at DESC, path LIMIT ? OFFSET ?')
      .all(limit, offset) as ScanError[];
    return { total, rows };
  }
}
