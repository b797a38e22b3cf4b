// CatalogReads.consistent: the views' reads in one call agree on one library version, even
// while the writer commits on its own connection.
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openReadOnly } from '../../../../src/main/core/catalog/open.ts';
import { CatalogReads } from '../../../../src/main/core/catalog/reads/index.ts';
import { writeCatalog } from '../../../support/catalog-file.ts';
import { tempDir } from '../../../support/temp.ts';

describe('CatalogReads', () => {
  const dir = tempDir();
  const { dbPath, catalog } = writeCatalog(dir.path, [{ path: '/music/a.mp3' }]);
  const db: Database.Database = openReadOnly(dbPath);
  const reads = new CatalogReads(db);
  afterAll(() => {
    db.close();
    catalog.close();
    dir.cleanup();
  });

  it('reads one version inside consistent(), whatever commits meanwhile', () => {
    const before = reads.versions.version();
    const seen = reads.consistent(() => {
      const first = reads.versions.version();
      catalog.changes.append({ added: [], updated: [1], removed: [], structural: false });
      // Nested calls join the transaction already open.
      const nested = reads.consistent(() => reads.versions.version());
      return { first, nested, again: reads.versions.version() };
    });
    expect(seen).toEqual({ first: before, nested: before, again: before });
    expect(reads.versions.version()).toBe(before + 1);
  });

  it('opens on a read-only connection: a write through it fails', () => {
    expect(() => db.prepare('DELETE FROM tracks').run()).toThrow(/readonly/);
  });
});
