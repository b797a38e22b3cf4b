// The catalog file itself, as the Settings → Library pane shows it: whether it is whole and
// the backups it can be restored from.

export interface CatalogBackup {
  name: string;
  path: string;
  /** When it was written (ms since the epoch, from its name). */
  createdAt: number;
  bytes: number;
}

export interface CatalogStatus {
  path: string;
  /** ok: open and in use; damaged: refused at start, nothing is served until a restore. */
  state: 'ok' | 'damaged';
  /** What the check found, as one sentence naming the file and the way out. */
  problem: string | null;
}

export interface RestoreResult {
  restoredFrom: string;
  /** Where the file it replaced was put (nothing is deleted); null when there was none. */
  keptAt: string | null;
}
