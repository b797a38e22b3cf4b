// The search index during a large import. Indexing track by track, each commit writes a
// small index segment that later has to be merged: half of all the writing an import does.
// So while many new tracks arrive, new rows wait in a backlog (see migration 002) and are
// indexed in bulk every few thousand, a few seconds behind the track lists at most. The
// backlog lives in the database, so a crash mid-import is caught up by the writer when the engine next starts.
import type Database from 'better-sqlite3';

const COLUMNS = 'title, artist, album, album_artist, genre, composer, search_alt';
/** A batch with this many new tracks means an import: indexing waits from then on. */
export const BULK_BATCH = 200;
const CATCH_UP_ROWS = 10_000;
const CATCH_UP_MS = 3000;

export class SearchBacklog {
  private openedAt = 0;
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      fromId: db.prepare('SELECT from_id FROM search_backlog').pluck(),
      open: db.prepare('INSERT INTO search_backlog (from_id) SELECT COALESCE(max(id), 0) + 1 FROM tracks'),
      index: db.prepare(`INSERT INTO tracks_fts (rowid, ${COLUMNS}) SELECT id, ${COLUMNS} FROM tracks WHERE id >= ?`),
      close: db.prepare('DELETE FROM search_backlog'),
      waiting: db.prepare('SELECT count(*) FROM tracks WHERE id >= ?').pluck(),
    };
  }

  /** From now on new tracks wait for the next catch-up. Call inside a write transaction. */
  open(): void {
    if (this.fromId() !== undefined) return;
    this.statements.open.run();
    this.openedAt = Date.now();
  }

  /** Indexes what waits if there is a lot of it, or it has waited a while. */
  catchUpIfDue(): void {
    const from = this.fromId();
    if (from === undefined) return;
    if (Date.now() - this.openedAt >= CATCH_UP_MS || (this.statements.waiting.get(from) as number) >= CATCH_UP_ROWS)
      this.catchUp();
  }

  /** Indexes every waiting track and closes the backlog; says whether any waited. Call inside a write transaction. */
  catchUp(): boolean {
    const from = this.fromId();
    if (from === undefined) return false;
    const indexed = this.statements.index.run(from).changes > 0;
    this.statements.close.run();
    return indexed;
  }

  private fromId(): number | undefined {
    return this.statements.fromId.get() as number | undefined;
  }
}
