// `tonearm similar` on a built catalog: the nearest tracks as JSON or a line each, and a
// sentence for a track that has no vector yet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vectorWrites } from '../../../src/main/core/catalog/vector-writes.ts';
import { writeCatalog } from '../../support/catalog-file.ts';
import { tonearmFromSource as tonearm } from '../../support/cli-source.ts';
import { tempDir } from '../../support/temp.ts';

// Standardised over the library: distances come out in spreads of 0, 1 and 3.
const SPREAD = Math.sqrt(((0 - 4 / 3) ** 2 + (1 - 4 / 3) ** 2 + (3 - 4 / 3) ** 2) / 2);

describe('tonearm similar', () => {
  const dir = tempDir();
  let dbPath: string;

  beforeAll(() => {
    const built = writeCatalog(
      dir.path,
      ['One', 'Two', 'Three', 'Four'].map((title, i) => ({ path: `/music/${i}.flac`, title, artist: `Artist ${i}` })),
    );
    dbPath = built.dbPath;
    // Tracks 1 to 3 on a line (0, 1, 3); track 4 not analysed yet. Of a version features/ has not
    // reached, so they are compared unweighted (weights belong to the version that made them).
    vectorWrites(built.catalog.db).putVectors(
      [0, 1, 3].map((x, i) => ({
        trackId: i + 1,
        featureVersion: 1000,
        size: 1000,
        mtimeNs: '1',
        audioKey: `k${i}`,
        vector: Float32Array.of(x, 0),
        error: null,
        excerptStartS: 0,
        excerptS: 30,
        cpuMs: 40,
      })),
    );
    built.catalog.close();
  });
  afterAll(() => dir.cleanup());

  it('prints the nearest tracks as JSON, nearest first', async () => {
    const { code, stdout } = await tonearm(['similar', '--db', dbPath, '--id', '1', '--limit', '5', '--json']);
    expect(code).toBe(0);
    const found = JSON.parse(stdout) as {
      seedsWithoutVector: number;
      rows: { track: { id: number }; distance: number }[];
    };
    expect(found.seedsWithoutVector).toBe(0);
    expect(found.rows.map((row) => [row.track.id, row.distance])).toEqual([
      [2, expect.closeTo(1 / SPREAD, 4)],
      [3, expect.closeTo(3 / SPREAD, 4)],
    ]);
  });

  it('prints a line a track without --json', async () => {
    const { code, stdout } = await tonearm(['similar', '--db', dbPath, '--id', '3', '--limit', '1']);
    expect(code).toBe(0);
    expect(stdout).toBe(`${(2 / SPREAD).toFixed(3)}  2  Artist 1 - Two\n`);
  });

  it('says when a track named has not been analysed yet', async () => {
    const { code, stdout, stderr } = await tonearm(['similar', '--db', dbPath, '--id', '4', '--json']);
    expect(code).toBe(0);
    // The library has vectors of two dimensions, unweighted: two unrelated tracks lie √(2 × 2) apart.
    expect(JSON.parse(stdout)).toEqual({ seedsWithoutVector: 1, rows: [], unrelatedDistance: 2 });
    expect(stderr).toMatch(/No track named has been analysed yet/);
  });

  it('refuses a call without --id as bad usage', async () => {
    const { code, stderr } = await tonearm(['similar', '--db', dbPath]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--id N/);
  });
});
