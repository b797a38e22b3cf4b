// The library version and what changed between two versions, read off the change log of a
// real catalog file on the views' read-only connection.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../../src/main/core/catalog/index.ts';
import { openReadOnly } from '../../../../src/main/core/catalog/open.ts';
import { VersionReads } from '../../../../src/main/core/catalog/reads/versions.ts';
import { writeCatalog } from '../../../support/catalog-file.ts';
import { tempDir } from '../../../support/temp.ts';

describe('VersionReads', () => {
  const dir = tempDir();
  let catalog: Catalog;
  let db: Database.Database;
  let reads: VersionReads;

  beforeEach(() => {
    const written = writeCatalog(dir.path, [{ path: '/music/a.mp3' }, { path: '/music/b.mp3' }]);
    catalog = written.catalog;
    db = openReadOnly(written.dbPath);
    reads = new VersionReads(db);
  });
  afterEach(() => {
    db.close();
    catalog.close();
    dir.cleanup();
  });

  it('reads the version of the last commit and the track count', () => {
    const at = reads.version();
    expect(at).toBe(catalog.changes.version());
    expect(reads.trackCount()).toBe(2);
    catalog.changes.append({ added: [], updated: [1], removed: [], structural: false });
    expect(reads.version()).toBe(at + 1);
  });

  it('tells a play (tracks touched) from a change of the library (reshaped)', () => {
    const start = reads.version();
    const play = catalog.changes.append({ added: [], updated: [1], removed: [], structural: false }).version;
    expect(reads.scope(start, play)).toEqual({ reshaped: false, touched: true });
    const removal = catalog.changes.append({ added: [], updated: [], removed: [2], structural: false }).version;
    expect(reads.scope(play, removal)).toEqual({ reshaped: true, touched: false });
    expect(reads.scope(start, removal)).toEqual({ reshaped: true, touched: true });
    // The bounds: after `from`, up to and including `to`.
    expect(reads.scope(removal, removal)).toEqual({ reshaped: false, touched: false });
    expect(reads.scope(start, start + 1)).toEqual({ reshaped: false, touched: true });
  });
});
