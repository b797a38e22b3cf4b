// The SQL derived from the one declaration of the track's fields, run on a real catalog file:
// what the writer stores of a parse, and the rows read back in each shape.
import { afterAll, describe, expect, it } from 'vitest';
import { TRACK_COLUMNS } from '../../../src/main/common/track-columns.ts';
import { COPIED_COLUMNS, rowMapper, selectList } from '../../../src/main/core/catalog/track-columns.ts';
import { writeCatalog, type TrackInput } from '../../support/catalog-file.ts';
import { tempDir } from '../../support/temp.ts';

// A distinct value for each field the writer copies, so that a column written from the wrong field shows.
const full: TrackInput = { path: '/music/full.flac' };
COPIED_COLUMNS.forEach(({ field }, i) => {
  const { type } = TRACK_COLUMNS[field];
  Object.assign(full, { [field]: type === 'bool' ? true : type.startsWith('text') ? `text ${i}` : i + 1 });
});

describe('the track columns', () => {
  const dir = tempDir();
  const { catalog } = writeCatalog(dir.path, [full, { path: '/music/bare.mp3' }]);
  const { db } = catalog;
  afterAll(() => {
    catalog.close();
    dir.cleanup();
  });

  it('has the writer store every copied field in its own column', () => {
    const stored = db.prepare('SELECT * FROM tracks WHERE id = 1').get() as Record<string, unknown>;
    for (const { column, field, flag } of COPIED_COLUMNS) {
      const given = full[field];
      expect([column, stored[column]]).toEqual([column, flag ? 1 : given]);
    }
  });

  it('stores an absent tag as an empty text or null, and an absent flag as 0', () => {
    const stored = db.prepare('SELECT * FROM tracks WHERE id = 2').get() as Record<string, unknown>;
    expect(stored).toMatchObject({ codec: '', container: '', composer: '', track_no: null, mb_track_id: null });
    expect(stored.compilation).toBe(0);
  });

  it('reads each shape with exactly its fields, flags as booleans', () => {
    const from = `tracks t JOIN roots r ON r.id = t.root_id LEFT JOIN play_stats ps ON ps.track_id = t.id
      LEFT JOIN scan_errors e ON e.path = t.path`;
    for (const shape of ['row', 'query'] as const) {
      const row = rowMapper(shape)(db.prepare(`SELECT ${selectList(shape)} FROM ${from} WHERE t.id = 1`).get());
      const fields = Object.entries(TRACK_COLUMNS)
        .filter(([, column]) => shape in column)
        .map(([name]) => name);
      expect(Object.keys(row)).toEqual(fields);
      expect(row).toMatchObject({ id: 1, path: '/music/full.flac', available: true, playCount: 0 });
    }
    const query = rowMapper('query')(db.prepare(`SELECT ${selectList('query')} FROM ${from} WHERE t.id = 1`).get());
    expect(query).toMatchObject({ compilation: true, missing: false, scanError: null });
  });
});
