// Every read the views make, on one connection (the views thread's read-only one, or the
// caller's in `tonearm query`): each statement is prepared once, here or on its first use.
import type Database from 'better-sqlite3';
import { LibraryReads } from './library.ts';
import { PlaylistReads } from './playlists.ts';
import { RowReads } from './rows.ts';
import { SmartPlaylistReads } from './smart-playlists.ts';
import { TrackOrderReads } from './track-orders.ts';
import { TrackSetReads } from './track-sets.ts';
import { VersionReads } from './versions.ts';

export class CatalogReads {
  readonly versions: VersionReads;
  readonly rows: RowReads;
  readonly sets: TrackSetReads;
  readonly library: LibraryReads;
  readonly orders: TrackOrderReads;
  readonly playlists: PlaylistReads;
  readonly smart: SmartPlaylistReads;
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
    this.versions = new VersionReads(db);
    this.rows = new RowReads(db);
    this.sets = new TrackSetReads(db);
    this.library = new LibraryReads(db);
    this.orders = new TrackOrderReads(db);
    this.playlists = new PlaylistReads(db);
    this.smart = new SmartPlaylistReads(db);
  }

  /** Runs `work` in one read transaction (or the one already open): its reads agree on one version. */
  consistent<T>(work: () => T): T {
    return this.db.inTransaction ? work() : this.db.transaction(work)();
  }
}
