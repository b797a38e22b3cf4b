// The daily backup of a running app or host: one at start when the newest is a day old, then
// a look every hour, so a machine that sleeps or an app left open for weeks still gets one a day.
import type Database from 'better-sqlite3';
import type { CatalogBackup } from '../../../shared/catalog.ts';
import { backupIsDue, writeBackup } from './backups.ts';
import { log } from '../log.ts';

const LOOK_EVERY_MS = 3_600_000;

export class BackupSchedule {
  private timer: NodeJS.Timeout | null = null;
  private firstLook: NodeJS.Timeout | null = null;
  private running: Promise<CatalogBackup | null> = Promise.resolve(null);

  private readonly db: Database.Database;
  private readonly dbPath: string;
  private readonly keep: () => number;

  private readonly busy: () => boolean;

  /** busy: a scan is writing; the daily backup waits for a quieter hour (see writeBackup). */
  constructor(db: Database.Database, dbPath: string, keep: () => number, busy: () => boolean = () => false) {
    this.db = db;
    this.dbPath = dbPath;
    this.keep = keep;
    this.busy = busy;
  }

  /** `firstLookAfterMs`: a start's first windows are served before a day's backup copies the catalog. */
  start(firstLookAfterMs = 0): void {
    if (firstLookAfterMs > 0) {
      this.firstLook = setTimeout(() => void this.runIfDue(), firstLookAfterMs);
      this.firstLook.unref();
    } else void this.runIfDue();
    this.timer = setInterval(() => void this.runIfDue(), LOOK_EVERY_MS);
    this.timer.unref();
  }

  /** One now (tonearm backup, the pane's button); after any already running, never two at once. */
  now(): Promise<CatalogBackup> {
    const next = this.running.catch(() => null).then(() => writeBackup(this.db, this.dbPath, this.keep()));
    this.running = next;
    return next;
  }

  private async runIfDue(): Promise<void> {
    if (!this.db.open || this.busy() || !backupIsDue(this.dbPath)) return;
    // A failed daily backup must not take the app down; the next look tries again.
    await this.now().catch((err: unknown) => log.error(`tonearm: backup of ${this.dbPath} failed:`, err));
  }

  /** Stops looking and waits for a backup under way, so the catalog closes after it. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.firstLook) clearTimeout(this.firstLook);
    this.timer = null;
    await this.running.catch(() => null);
  }
}
