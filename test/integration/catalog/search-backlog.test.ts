// The search index during a large import, on a real catalog file: new tracks wait in a
// backlog and are indexed in bulk; whatever happens to them meanwhile (a retag, a delete,
// a crash), the index ends up exactly matching the tracks.
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../../../src/main/core/catalog/index.ts';
import { LibraryWriter } from '../../../src/main/core/catalog/library-writer.ts';
import type { ParsedTrack } from '../../../src/main/common/parse-protocol.ts';
import { BLANK } from '../../support/catalog-file.ts';
import { testCore } from '../../support/core.ts';
import { tempDir } from '../../support/temp.ts';
import { RootWrites } from '../../../src/main/core/catalog/roots.ts';

function track(title: string): ParsedTrack {
  return {
    ...BLANK,
    title,
    artist: 'Sigur Rós',
    artists: ['Sigur Rós'],
    album: 'Takk',
    trackNo: 1,
    year: 2005,
    genres: ['Post-rock'],
    durationS: 60,
    codec: 'FLAC',
    container: 'FLAC',
    sampleRate: 44100,
    bitDepth: 16,
    channels: 2,
    bitrate: 900_000,
  };
}

const search = (db: Database.Database, query: string) =>
  db.prepare('SELECT rowid FROM tracks_fts WHERE tracks_fts MATCH ? ORDER BY rowid').pluck().all(query) as number[];
const indexMatchesTracks = (db: Database.Database) =>
  db.prepare("INSERT INTO tracks_fts (tracks_fts) VALUES ('integrity-check')").run();

describe('the search backlog', () => {
  let dir: ReturnType<typeof tempDir>;
  let catalog: Catalog;
  let writer: LibraryWriter;
  let rootId: number;
  const importTracks = (count: number, from = 0) =>
    writer.writeBatch(
      Array.from({ length: count }, (_, i) => ({
        result: {
          path: `/music/${from + i}.flac`,
          ok: true as const,
          identity: `id${from + i}`,
          track: track(`Glósóli ${from + i}`),
        },
        context: { rootId, size: 1000, mtimeNs: 1n, trackId: null, hadError: false },
      })),
    );

  beforeEach(() => {
    dir = tempDir();
    catalog = openCatalog(join(dir.path, 'catalog.sqlite'));
    rootId = new RootWrites(catalog.db).add('/music', 'local').id;
    writer = new LibraryWriter(catalog.db, catalog.changes);
  });
  afterEach(() => {
    catalog.close();
    dir.cleanup();
  });

  it('indexes a small batch at once', () => {
    const { added } = importTracks(20);
    expect(search(catalog.db, 'glosoli')).toEqual(added);
  });

  it('holds an import back, then indexes it whole, retags and deletes in the meantime included', () => {
    const first = importTracks(300).added;
    const second = importTracks(300, 300).added;
    expect(search(catalog.db, 'glosoli'), 'an import waits for the catch-up').toEqual([]);
    catalog.db.prepare("UPDATE tracks SET title = 'Hoppípolla' WHERE id = ?").run(first[0]);
    catalog.db.prepare('DELETE FROM tracks WHERE id = ?').run(second[0]);

    catalog.db.transaction(() => writer.search.catchUp())();
    expect(() => indexMatchesTracks(catalog.db)).not.toThrow();
    expect(search(catalog.db, 'hoppipolla')).toEqual([first[0]]);
    expect(search(catalog.db, 'glosoli')).toEqual([...first.slice(1), ...second.slice(1)]);
    // Caught up, the index follows each change again.
    catalog.db.prepare("UPDATE tracks SET title = 'Svefn-g-englar' WHERE id = ?").run(first[1]);
    expect(search(catalog.db, 'svefn')).toEqual([first[1]]);
    expect(() => indexMatchesTracks(catalog.db)).not.toThrow();
  });

  it('catches up through the writer when the engine starts after a crash mid-import', async () => {
    const { added } = importTracks(400);
    expect(search(catalog.db, 'glosoli')).toEqual([]);
    catalog.close();
    const core = testCore(join(dir.path, 'catalog.sqlite'));
    try {
      expect(search(core.catalog.db, 'glosoli'), 'opening alone writes nothing').toEqual([]);
      await core.catchUpSearch();
      expect(search(core.catalog.db, 'glosoli')).toEqual(added);
      expect(() => indexMatchesTracks(core.catalog.db)).not.toThrow();
    } finally {
      await core.close();
      catalog = openCatalog(join(dir.path, 'catalog.sqlite'));
    }
  });
});
