import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog } from '../../src/main/core/catalog/index.ts';
import { currentVersion, migrations } from '../../src/main/core/catalog/migrations/index.ts';
import { tempDir } from '../support/temp.ts';

/** A database as each earlier Tonearm left it: version 0 is an empty file. */
function databaseAtVersion(path: string, version: number): void {
  if (version === 0) {
    writeFileSync(path, '');
    return;
  }
  const db = new Database(path);
  for (const migration of migrations.filter((m) => m.version <= version)) db.exec(migration.sql);
  db.pragma(`user_version = ${version}`);
  db.close();
}

describe('catalog migrations', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.cleanup());

  for (let version = 0; version < currentVersion; version++) {
    it(`migrates a database at version ${version} to ${currentVersion}`, () => {
      const path = join(dir.path, `v${version}.sqlite`);
      databaseAtVersion(path, version);
      const catalog = openCatalog(path);
      expect(catalog.db.pragma('user_version', { simple: true })).toBe(currentVersion);
      expect(catalog.migration).toMatchObject({ from: version, to: currentVersion });
      expect(catalog.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(catalog.db.pragma('foreign_keys', { simple: true })).toBe(1);
      const tables = catalog.db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table')").pluck().all();
      for (const table of [
        'roots',
        'tracks',
        'albums',
        'artists',
        'genres',
        'covers',
        'scan_errors',
        'play_stats',
        'playlists',
        'change_log',
        'settings',
        'cache_entries',
        'cache_chunks',
        'tracks_fts',
      ]) {
        expect(tables).toContain(table);
      }
      expect(catalog.db.pragma('integrity_check', { simple: true })).toBe('ok');
      catalog.close();
    });
  }

  it('opens a current database again without migrating', () => {
    const path = join(dir.path, 'current.sqlite');
    openCatalog(path).close();
    const again = openCatalog(path);
    expect(again.migration).toEqual({ from: currentVersion, to: currentVersion, backupPath: null });
    again.close();
  });

  it('refuses a database from a newer Tonearm and leaves it untouched', () => {
    const path = join(dir.path, 'newer.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE future (x)');
    db.pragma(`user_version = ${currentVersion + 1}`);
    db.close();
    expect(() => openCatalog(path)).toThrow(/newer than this Tonearm/);
    const after = new Database(path);
    expect(after.pragma('user_version', { simple: true })).toBe(currentVersion + 1);
    after.close();
  });

  it('gives a clear error for a file that is not a database', () => {
    const path = join(dir.path, 'garbage.sqlite');
    writeFileSync(path, 'this is not sqlite '.repeat(100));
    expect(() => openCatalog(path)).toThrow(/catalog/);
  });
});
