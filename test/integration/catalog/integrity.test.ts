// The catalog file itself on a real SQLite file: a damaged page nobody reads is found at open
// and named, a catalog from a newer Tonearm is left byte for byte, backups roll and restore.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BackupSchedule } from '../../../src/main/core/catalog/backup-schedule.ts';
import { backupsDir, listBackups } from '../../../src/main/core/catalog/backup-files.ts';
import { restoreCatalog, writeBackup } from '../../../src/main/core/catalog/backups.ts';
import { checkIsDue, markClosed, markOpen } from '../../../src/main/core/catalog/check-marker.ts';
import { openCatalog } from '../../../src/main/core/catalog/index.ts';
import { checkFile } from '../../../src/main/core/catalog/integrity.ts';
import { currentVersion } from '../../../src/main/core/catalog/migrations/index.ts';
import { TonearmError } from '../../../src/shared/result.ts';
import { catalogCopies } from '../../support/catalog-copies.ts';
import { testCore } from '../../support/core.ts';
import { damageIndexPage } from '../../support/damage.ts';

const DAY = 86_400_000;

describe('the catalog file', () => {
  // A few thousand rows: the index the damage goes into spans many leaf pages.
  const copy = catalogCopies(3000);

  it('refuses a catalog with a damaged page no command reads, naming the file and the way out, and writes nothing', () => {
    damageIndexPage(copy.dbPath);
    const before = readFileSync(copy.dbPath);
    let error: unknown;
    try {
      testCore(copy.dbPath);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TonearmError);
    expect((error as TonearmError).code).toBe('DB_CORRUPT');
    const message = (error as Error).message;
    expect(message).toContain(`The catalog ${copy.dbPath} is damaged`);
    expect(message).toContain('tonearm restore');
    expect(message).not.toContain('\n');
    expect(readFileSync(copy.dbPath).equals(before)).toBe(true);
    expect(existsSync(`${copy.dbPath}-wal`)).toBe(false);
  });

  it('leaves a catalog from a newer Tonearm in rollback-journal mode byte for byte as it was', () => {
    const path = join(copy.dir, 'newer.sqlite');
    const db = new Database(path);
    db.pragma('journal_mode = DELETE');
    db.exec('CREATE TABLE future (x)');
    db.pragma(`user_version = ${currentVersion + 1}`);
    db.close();
    const before = readFileSync(path);
    expect(() => openCatalog(path, { check: true })).toThrow(/newer than this Tonearm understands.*not changed/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('keeps the newest N backups', async () => {
    const catalog = openCatalog(copy.dbPath);
    try {
      for (let day = 1; day <= 7; day++)
        await writeBackup(catalog.db, copy.dbPath, 5, new Date(Date.UTC(2026, 10, day, 3)));
    } finally {
      catalog.close();
    }
    const kept = listBackups(copy.dbPath);
    expect(kept.map((backup) => backup.name)).toEqual(
      [7, 6, 5, 4, 3].map((day) => `catalog-2026-11-0${day}-030000.sqlite`),
    );
    expect(readdirSync(backupsDir(copy.dbPath)).sort()).toEqual(kept.map((backup) => backup.name).sort());
    expect(checkFile(kept[0]!.path)).toBeNull();
  });

  it('finishes a backup while another connection commits between its steps', async () => {
    const catalog = openCatalog(copy.dbPath);
    const other = new Database(copy.dbPath);
    // A commit between every two steps of the copy (both run on setImmediate), as an
    // import's writer thread commits beside a backup of a big catalog.
    let commits = 0;
    let writing = true;
    const write = () => {
      if (!writing) return;
      other.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('state:test', ?)").run(String(commits++));
      setImmediate(write);
    };
    setImmediate(write);
    try {
      const backup = await writeBackup(catalog.db, copy.dbPath, 5);
      expect(commits).toBeGreaterThan(0);
      expect(checkFile(backup.path)).toBeNull();
    } finally {
      writing = false;
      other.close();
      catalog.close();
    }
  }, 20_000);

  it('backs up at start when the newest backup is a day old, and not twice a day', async () => {
    const catalog = openCatalog(copy.dbPath);
    try {
      await writeBackup(catalog.db, copy.dbPath, 5, new Date(Date.now() - 2 * DAY));
      for (let run = 0; run < 2; run++) {
        const schedule = new BackupSchedule(catalog.db, copy.dbPath, () => 5);
        schedule.start();
        await schedule.stop();
      }
    } finally {
      catalog.close();
    }
    const backups = listBackups(copy.dbPath);
    expect(backups).toHaveLength(2);
    expect(Date.now() - backups[0]!.createdAt).toBeLessThan(60_000);
  });

  it('restores the newest backup that passes the check and keeps the damaged catalog aside', async () => {
    const catalog = openCatalog(copy.dbPath);
    try {
      await writeBackup(catalog.db, copy.dbPath, 5, new Date(Date.UTC(2026, 11, 1)));
      await writeBackup(catalog.db, copy.dbPath, 5, new Date(Date.UTC(2026, 11, 2)));
      await writeBackup(catalog.db, copy.dbPath, 5, new Date(Date.UTC(2026, 11, 3)));
    } finally {
      catalog.close();
    }
    const [newest, good] = listBackups(copy.dbPath);
    damageIndexPage(newest!.path);
    damageIndexPage(copy.dbPath);
    const damagedBytes = readFileSync(copy.dbPath);

    const result = restoreCatalog(copy.dbPath);
    expect(result.restoredFrom).toBe(good!.path);
    expect(result.keptAt).toMatch(/catalog\.sqlite\.damaged-\d{4}-\d\d-\d\d-\d{6}$/);
    expect(readFileSync(result.keptAt!).equals(damagedBytes)).toBe(true);
    expect(checkFile(copy.dbPath)).toBeNull();
    const reopened = testCore(copy.dbPath);
    expect(reopened.catalog.tracks.count()).toBe(3000);
    await reopened.close();
  });

  it('checks again at start after an unclean close, a day, or a change by someone else', () => {
    expect(checkIsDue(copy.dbPath)).toBe(true);
    markOpen(copy.dbPath, true);
    expect(checkIsDue(copy.dbPath)).toBe(true);
    markClosed(copy.dbPath);
    expect(checkIsDue(copy.dbPath)).toBe(false);
    expect(checkIsDue(copy.dbPath, Date.now() + DAY)).toBe(true);
    const bytes = readFileSync(copy.dbPath);
    writeFileSync(copy.dbPath, bytes.subarray(0, bytes.length - 4096));
    expect(checkIsDue(copy.dbPath)).toBe(true);
  });
});
