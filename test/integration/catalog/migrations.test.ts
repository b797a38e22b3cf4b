import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog } from '../../../src/main/core/catalog/index.ts';
import { currentVersion, migrations } from '../../../src/main/core/catalog/migrations/index.ts';
import { tempDir } from '../../support/temp.ts';

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
        'playlist_entries',
        'playlist_folders',
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

  for (const version of [1, 2]) {
    it(`keeps version ${version}'s playlists, entries in order and a track twice, as schema 3 entries`, () => {
      const path = join(dir.path, `playlists-v${version}.sqlite`);
      databaseAtVersion(path, version);
      const db = new Database(path);
      db.exec(`INSERT INTO roots (id, path, added_at) VALUES (1, '/music', 0);
        INSERT INTO tracks (id, root_id, path, size, mtime_ns, title, artist, album, duration_s, added_at, scanned_at)
          VALUES (7, 1, '/music/a.flac', 1, 1, 'A', 'Artist', 'Album', 61.5, 0, 0),
                 (8, 1, '/music/b.flac', 1, 1, 'B', 'Artist', 'Album', 30, 0, 0);
        INSERT INTO playlists (id, name, created_at) VALUES (3, 'Old favourites', 1000);
        INSERT INTO playlist_entries (playlist_id, position, track_id) VALUES (3, 0, 8), (3, 1, 7), (3, 2, 8);`);
      db.close();
      const catalog = openCatalog(path);
      expect(catalog.playlists.list()).toEqual([
        expect.objectContaining({ id: 3, name: 'Old favourites', createdAt: 1000, updatedAt: 1000, entryCount: 3 }),
      ]);
      const entries = catalog.playlists.entries(3);
      expect(entries.map((e) => [e.trackId, e.path])).toEqual([
        [8, '/music/b.flac'],
        [7, '/music/a.flac'],
        [8, '/music/b.flac'],
      ]);
      // A purge no longer empties the playlist: the entry remembers the track it was.
      catalog.db.prepare('DELETE FROM tracks WHERE id = 7').run();
      expect(catalog.playlists.entries(3)[1]).toMatchObject({
        trackId: null,
        state: 'missing',
        path: '/music/a.flac',
        title: 'A',
        durationS: 61.5,
      });
      expect(catalog.db.pragma('foreign_key_check')).toEqual([]);
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
