// The catalog: every database operation the app performs, behind named functions.
import type Database from 'better-sqlite3';
import { CacheRepo } from './cache.ts';
import { ChangeLog } from './changes.ts';
import type { MigrationReport } from './migrate.ts';
import { openDatabase, type OpenOptions } from './open.ts';
import { PlayStatsRepo } from './play-stats.ts';
import { PlaylistReads } from './reads/playlists.ts';
import { RootsRepo } from './roots.ts';
import { ScanErrorsRepo } from './scan-errors.ts';
import { SettingsRepo } from './settings.ts';
import { TracksRepo } from './tracks.ts';

export class Catalog {
  readonly roots: RootsRepo;
  readonly tracks: TracksRepo;
  readonly changes: ChangeLog;
  readonly scanErrors: ScanErrorsRepo;
  readonly settings: SettingsRepo;
  readonly cache: CacheRepo;
  readonly playStats: PlayStatsRepo;
  readonly playlists: PlaylistReads;
  readonly db: Database.Database;
  readonly path: string;
  readonly migration: MigrationReport;

  constructor(db: Database.Database, path: string, migration: MigrationReport) {
    this.db = db;
    this.path = path;
    this.migration = migration;
    this.roots = new RootsRepo(db);
    this.tracks = new TracksRepo(db);
    this.changes = new ChangeLog(db);
    this.scanErrors = new ScanErrorsRepo(db);
    this.settings = new SettingsRepo(db);
    this.cache = new CacheRepo(db);
    this.playStats = new PlayStatsRepo(db);
    this.playlists = new PlaylistReads(db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** check: quick_check first (see OpenOptions); a damaged file is refused with DB_CORRUPT. */
export function openCatalog(dbPath: string, options: OpenOptions = {}): Catalog {
  // Opening writes nothing but a migration: what a crashed import left for the search index
  // is caught up by the writer (Core.catchUpSearch, and every scan's end).
  const { db, migration } = openDatabase(dbPath, options);
  return new Catalog(db, dbPath, migration);
}
