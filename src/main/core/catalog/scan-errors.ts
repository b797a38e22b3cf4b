import type Database from 'better-sqlite3';
import type { ScanError } from '../../../shared/domain.ts';
import { scanErrorSentence } from '../../../shared/scan-error-text.ts';

export class ScanErrorsRepo {
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
  }

  page(offset: number, limit: number): { total: number; rows: ScanError[] } {
    const total = this.db.prepare('SELECT count(*) FROM scan_errors').pluck().get() as number;
    const stored = this.db
      .prepare('SELECT path, message, at FROM scan_errors ORDER BY at DESC, path LIMIT ? OFFSET ?')
      .all(limit, offset) as { path: string; message: string; at: number }[];
    const rows = stored.map((row) => ({ ...row, message: scanErrorSentence(row.message), detail: row.message }));
    return { total, rows };
  }
}
