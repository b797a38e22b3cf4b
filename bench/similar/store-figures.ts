// The store's figures on a 250k-track catalog: vectors written through the writer thread in
// the job's batches, the memory the similarity engine holds once loaded, nearest-neighbour
// queries, and the cache on a radio session played and played again.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openReadOnly } from '../../src/main/core/catalog/open.ts';
import type { VectorRecord } from '../../src/main/core/catalog/vector-writes.ts';
import { CatalogWriter } from '../../src/main/core/catalog/writer-thread.ts';
import { Neighbours } from '../../src/main/core/similarity/neighbours.ts';
import { VectorIndex } from '../../src/main/core/similarity/vector-index.ts';
import { median, percentile, roundMs } from '../support/stats.ts';
import { seededRandom } from '../../test/support/fuzz.ts';
import { clusteredVectors, isotropicShape, type Shape } from './vectors.ts';

export interface StoreFigures {
  tracks: number;
  dims: number;
  shape: Shape['name'];
  insertPerS: number;
  insertBatch: number;
  memoryMB: { held: number; rss: number; added: number };
  loadMs: number;
  /** Wall time, and the CPU time of this process (the one thread at work): other work on the machine inflates the first. */
  knn: { label: string; p50: number; p95: number; cpuP50: number; cpuP95: number }[];
  radio: { session: number; replay: number; calls: number };
}

const BATCH = 64;
const QUERIES = 200;

const MEMORY_CHILD = fileURLToPath(new URL('./memory-child.ts', import.meta.url));
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

export async function storeFigures(
  dbPath: string,
  parserEntry: string,
  shape: Shape,
  weights: number[] | null,
): Promise<StoreFigures> {
  const { dims } = shape;
  const SPACE = { featureVersion: 1, weights };
  const ids = (() => {
    const db = new Database(dbPath, { readonly: true });
    try {
      return db.prepare('SELECT id FROM tracks ORDER BY id').pluck().all() as number[];
    } finally {
      db.close();
    }
  })();

  // Inserts: the real path, the writer thread, in the job's batches of 64.
  const writer = new CatalogWriter(parserEntry, dbPath, () => {});
  const records: VectorRecord[] = [];
  const vectors = clusteredVectors(ids.length, shape);
  let index = 0;
  const started = performance.now();
  for (const vector of vectors) {
    records.push({
      trackId: ids[index++]!,
      featureVersion: SPACE.featureVersion,
      size: 1,
      mtimeNs: '1',
      audioKey: `bench-${index}`,
      vector,
      error: null,
      excerptStartS: 30,
      excerptS: 30,
      cpuMs: 50,
    });
    if (records.length === BATCH) await writer.write.putVectors(records.splice(0));
  }
  if (records.length > 0) await writer.write.putVectors(records.splice(0));
  const insertPerS = Math.round(ids.length / ((performance.now() - started) / 1000));
  await writer.close();

  // Memory: what loading every vector adds, measured in a process of its own (this one has
  // done the inserts and holds their garbage).
  const memory = JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', MEMORY_CHILD, dbPath, String(SPACE.featureVersion)], {
      encoding: 'utf8',
    }),
  ) as { held: number; rss: number; added: number; loadMs: number };
  const memoryMB = { held: memory.held, rss: memory.rss, added: memory.added };
  const loadMs = memory.loadMs;
  const neighbours = new Neighbours(openReadOnly(dbPath, 2000));
  neighbours.tracks([ids[0]!], 1, SPACE);

  // Queries: distinct seeds, so no answer comes from the cache.
  const random = seededRandom(3);
  const seed = () => ids[Math.floor(random() * ids.length)]!;
  const knn: StoreFigures['knn'] = [];
  const time = (label: string, run: () => void) => {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      run();
      const used = process.cpuUsage(c);
      times.push(performance.now() - t);
      cpu.push((used.user + used.system) / 1000);
    }
    knn.push({
      label,
      p50: roundMs(median(times)),
      p95: roundMs(percentile(times, 95)),
      cpuP50: roundMs(median(cpu)),
      cpuP95: roundMs(percentile(cpu, 95)),
    });
  };
  // The search alone, on an index of the same vectors (after the memory figure: it doubles it),
  // and on as many isotropic ones: the worst case for stopping early.
  const searchAlone = (label: string, of: Shape) => {
    const bare = new VectorIndex(dims, ids.length);
    let row = 0;
    for (const vector of clusteredVectors(ids.length, of)) bare.set(ids[row++]!, vector);
    bare.standardise(weights);
    const query = () => bare.vectorOf(seed())!.slice();
    time(`search alone, ${label}: 1 seed, k = 20`, () => bare.nearest([query()], 20));
    time(`search alone, ${label}: 1 seed, k = 64 (a radio pool)`, () => bare.nearest([query()], 64));
    time(`search alone, ${label}: 5 seeds, k = 50`, () =>
      bare.nearest([query(), query(), query(), query(), query()], 50),
    );
  };
  searchAlone(shape.name === 'real' ? 'real-shaped' : 'isotropic', shape);
  if (shape.name === 'real') {
    gc();
    searchAlone('isotropic', isotropicShape(dims));
  }
  time('similar tracks: 1 seed, 20 rows (search + rows)', () => neighbours.tracks([seed()], 20, SPACE));
  time('similar tracks: 5 seeds, 50 rows', () =>
    neighbours.tracks([seed(), seed(), seed(), seed(), seed()], 50, SPACE),
  );
  time('radio: 1 seed, a pool of 64 nearest + rules, 10 tracks', () =>
    neighbours.radio(
      { seedIds: [seed()], recentIds: [], excludeGenres: [], count: 10, artistSpacing: 8, now: Date.now() },
      SPACE,
    ),
  );

  // A radio session: one seed, refilled 5 at a time as the queue grows to 200 tracks, then played again.
  const session = () => {
    const { hits, misses } = neighbours.cacheStats();
    const recent: number[] = [sessionSeed];
    for (let call = 0; call < 40; call++) {
      const batch = neighbours.radio(
        {
          seedIds: [sessionSeed],
          recentIds: recent.slice(-500),
          excludeGenres: [],
          count: 5,
          artistSpacing: 8,
          now: Date.now(),
        },
        SPACE,
      );
      recent.push(...batch.trackIds);
    }
    const now = neighbours.cacheStats();
    return Math.round((100 * (now.hits - hits)) / (now.hits - hits + now.misses - misses));
  };
  const sessionSeed = seed();
  const first = session();
  const replay = session();
  return {
    tracks: ids.length,
    dims,
    shape: shape.name,
    insertPerS,
    insertBatch: BATCH,
    memoryMB,
    loadMs,
    knn,
    radio: { session: first, replay, calls: 40 },
  };
}
