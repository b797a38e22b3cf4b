// The catalog file itself on a real SQLite file: a damaged page nobody reads is found at open
// and named, a catalog from a newer Tonearm is left byte for byte, backups roll and restore.
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../bench/views/catalog.ts';
import { BackupSchedule } from '../../../src/main/core/catalog/backup-schedule.ts';
import { backupsDir, listBackups } from '../../../src/main/core/catalog/backup-files.ts';
import { restoreCatalog, writeBackup } from '../../../src/main/core/catalog/backups.ts';
import { checkIsDue, markClosed, markOpen } from '../../../src/main/core/catalog/check-marker.ts';
import { openCatalog } from '../../../src/main/core/catalog/index.ts';
import { checkFile } from '../../../src/main/core/catalog/integrity.ts';
import { currentVersion } from '../../../src/main/core/catalog/migrations/index.ts';
import { TonearmError } from '../../../src/shared/result.ts';
import { testCore } from '../../support/core.ts';
import { damageIndexPage } from '../../support/damage.ts';
import { tempDir } from '../../support/temp.ts';

const DAY = 86_400_000;

describe('the catalog file', () => {
  const shared = tempDir();
  const pristine = join(shared.path, 'pristine.sqlite');
  let dir: ReturnType<typeof tempDir>;
  let dbPath: string;

  beforeAll(async () => {
    // A few thousand rows: the index the damage goes into spans many leaf pages.
    await buildCatalog({ dbPath: pristine, tracks: 3000, covers: 1 });
  }, 60_000);
  afterAll(() => shared.cleanup());
  beforeEach(() => {
    dir = tempDir();
    dbPath = join(dir.path, 'catalog.sqlite');
    copyFileSync(pristine, dbPath);
  });
  afterEach(() => dir.cleanup());

  it('refuses a catalog with a damaged page no command reads, naming the file and the way out, and writes nothing', () => {
    damageIndexPage(dbPath);
    const before = readFileSync(dbPath);
    let error: unknown;
    try {
      testCore(dbPath);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TonearmError);
    expect((error as TonearmError).code).toBe('DB_CORRUPT');
    const message = (error as Error).message;
    expect(message).toContain(`The catalog ${dbPath} is damaged`);
    expect(message).toContain('tonearm restore');
    expect(message).not.toContain('\n');
    expect(readFileSync(dbPath).equals(before)).toBe(true);
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
  });

  it('leaves a catalog from a newer Tonearm in rollback-journal mode byte for byte as it was', () => {
    const path = join(dir.path, 'newer.sqlite');
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
    const catalog = openCatalog(dbPath);
    try {
      for (let day = 1; day <= 7; day++) await writeBackup(catalog.db, dbPath, 5, new Date(Date.UTC(2026, 10, day, 3)));
    } finally {
      catalog.close();
    }
    const kept = listBackups(dbPath);
    expect(kept.map((backup) => backup.name)).toEqual(
      [7, 6, 5, 4, 3].map((day) => `catalog-2026-11-0${day}-030000.sqlite`),
    );
    expect(readdirSync(backupsDir(dbPath)).sort()).toEqual(kept.map((backup) => backup.name).sort());
    expect(checkFile(kept[0]!.path)).toBeNull();
  });

  it('finishes a backup while another connection commits between its steps', async () => {
    const catalog = openCatalog(dbPath);
    const other = new Database(dbPath);
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
      const backup = await writeBackup(catalog.db, dbPath, 5);
      expect(commits).toBeGreaterThan(0);
      expect(checkFile(backup.path)).toBeNull();
    } finally {
      writing = false;
      other.close();
      catalog.close();
    }
  }, 20_000);

  it('backs up at start when the newest backup is a day old, and not twice a day', async () => {
    const catalog = openCatalog(dbPath);
    try {
      await writeBackup(catalog.db, dbPath, 5, new Date(Date.now() - 2 * DAY));
      for (let run = 0; run < 2; run++) {
        const schedule = new BackupSchedule(catalog.db, dbPath, () => 5);
        schedule.start();
        await schedule.stop();
      }
    } finally {
      catalog.close();
    }
    const backups = listBackups(dbPath);
    expect(backups).toHaveLength(2);
    expect(Date.now() - backups[0]!.createdAt).toBeLessThan(60_000);
  });

  it('restores the newest backup that passes the check and keeps the damaged catalog aside', async () => {
    const catalog = openCatalog(dbPath);
    try {
      await writeBackup(catalog.db, dbPath, 5, new Date(Date.UTC(2026, 11, 1)));
      await writeBackup(catalog.db, dbPath, 5, new Date(Date.UTC(2026, 11, 2)));
      await writeBackup(catalog.db, dbPath, 5, new Date(Date.UTC(2026, 11, 3)));
    } finally {
      catalog.close();
    }
    const [newest, good] = listBackups(dbPath);
    damageIndexPage(newest!.path);
    damageIndexPage(dbPath);
    const damagedBytes = readFileSync(dbPath);

    const result = restoreCatalog(dbPath);
    expect(result.restoredFrom).toBe(good!.path);
    expect(result.keptAt).toMatch(/catalog\.sqlite\.damaged-\d{4}-\d\d-\d\d-\d{6}$/);
    expect(readFileSync(result.keptAt!).equals(damagedBytes)).toBe(true);
    expect(checkFile(dbPath)).toBeNull();
    const reopened = testCore(dbPath);
    expect(reopened.catalog.tracks.count()).toBe(3000);
    await reopened.close();
  });

  it('checks again at start after an unclean close, a day, or a change by someone else', () => {
    expect(checkIsDue(dbPath)).toBe(true);
    markOpen(dbPath, true);
    expect(checkIsDue(dbPath)).toBe(true);
    markClosed(dbPath);
    expect(checkIsDue(dbPath)).toBe(false);
    expect(checkIsDue(dbPath, Date.now() + DAY)).toBe(true);
    const bytes = readFileSync(dbPath);
    writeFileSync(dbPath, bytes.subarray(0, bytes.length - 4096));
    expect(checkIsDue(dbPath)).toBe(true);
  });
});
