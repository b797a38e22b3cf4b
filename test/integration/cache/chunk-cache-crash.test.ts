// A crash (SIGKILL) in the middle of chunk writes: whatever the catalog records afterwards is
// exactly the source's bytes, and the cache reopened serves the file intact.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openCatalog } from '../../../src/main/core/catalog/index.ts';
import { catalogWriter, localCache, readThrough } from '../../support/local-cache.ts';
import { tempDir } from '../../support/temp.ts';
import { RootWrites } from '../../../src/main/core/catalog/roots.ts';

const CHILD = fileURLToPath(new URL('../../support/cache-crash-child.ts', import.meta.url));

function runAndKill(args: string[], afterCycles: number, extraMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let cycles = 0;
    let killing = false;
    let stderr = '';
    // A child that never gets that far is killed too, and the test says so rather than hang.
    const stuck = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      cycles += d
        .toString()
        .split('\n')
        .filter((l) => l.startsWith('cycle')).length;
      // ">=": on a busy machine two cycles' lines can arrive in one chunk.
      if (!killing && cycles >= afterCycles) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(stuck);
      if (signal === 'SIGKILL' && killing) resolve();
      else reject(new Error(`child ${signal ?? `exited ${code}`} after ${cycles} cycles: ${stderr}`));
    });
  });
}

describe('chunk cache and a crash', () => {
  it('ignores what a crash left half-done: a temporary file, a chunk written but not recorded', async () => {
    const dir = tempDir();
    try {
      const share = join(dir.path, 'share');
      mkdirSync(share);
      const file = join(share, 'track.flac');
      const data = randomBytes(256 * 1024);
      writeFileSync(file, data);
      const catalog = openCatalog(join(dir.path, 'catalog.sqlite'));
      const rootId = new RootWrites(catalog.db).add(share, 'network').id;
      const stat = statSync(file, { bigint: true });
      const writer = catalogWriter(catalog);
      const entry = await writer.write.createCacheEntry(file, data.length, stat.mtimeNs, 64 * 1024, Date.now());
      const entryDir = join(dir.path, 'cache', `e${entry.id}`);
      mkdirSync(entryDir, { recursive: true });
      // Died mid-write (a torn temporary), and died between the rename and the record.
      writeFileSync(join(entryDir, '0.1234abcd.tmp'), data.subarray(0, 1000));
      writeFileSync(join(entryDir, '1.chunk'), Buffer.alloc(64 * 1024, 0xee));
      const cache = localCache(catalog, writer.write, join(dir.path, 'cache'), {});
      const served = await readThrough(cache, file, rootId, catalog);
      expect(served.equals(data), 'bytes served').toBe(true);
      await cache.close();
      await writer.close();
      expect(readdirSync(entryDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(readFileSync(join(entryDir, '1.chunk')).equals(data.subarray(64 * 1024, 128 * 1024))).toBe(true);
      catalog.close();
    } finally {
      dir.cleanup();
    }
  });

  it('never records a chunk whose bytes are not all on disk', async () => {
    const dir = tempDir();
    try {
      const share = join(dir.path, 'share');
      mkdirSync(share);
      const file = join(share, 'track.flac');
      const data = randomBytes(3 * 1024 * 1024 + 123);
      writeFileSync(file, data);
      const dbPath = join(dir.path, 'catalog.sqlite');
      const cacheDir = join(dir.path, 'cache');
      const setup = openCatalog(dbPath);
      const rootId = new RootWrites(setup.db).add(share, 'network').id;
      setup.close();

      let recordedTotal = 0;
      for (let round = 0; round < 4; round++) {
        await runAndKill([dbPath, cacheDir, file, String(rootId)], round + 1, 5 + round * 7);
        const catalog = openCatalog(dbPath);
        const chunks = catalog.db
          .prepare('SELECT c.entry_id AS entryId, c.chunk_index AS idx, c.start, c.bytes FROM cache_chunks c')
          .all() as { entryId: number; idx: number; start: number; bytes: number }[];
        recordedTotal += chunks.length;
        for (const chunk of chunks) {
          const path = join(cacheDir, `e${chunk.entryId}`, `${chunk.idx}.chunk`);
          expect(existsSync(path), path).toBe(true);
          expect(readFileSync(path).equals(data.subarray(chunk.start, chunk.start + chunk.bytes)), path).toBe(true);
        }
        // Reopened, the cache serves the file intact (and sweeps what the crash left).
        const writer = catalogWriter(catalog);
        const cache = localCache(catalog, writer.write, cacheDir, { chunkBytes: 16 * 1024, lookaheadChunks: 2 });
        const served = await readThrough(cache, file, rootId, catalog);
        expect(served.equals(data), 'the file served after the crash').toBe(true);
        await cache.close();
        await writer.close();
        const leftovers = readdirSync(cacheDir, { recursive: true }).filter((f) => String(f).endsWith('.tmp'));
        expect(leftovers).toEqual([]);
        catalog.close();
      }
      expect(recordedTotal).toBeGreaterThan(0);
    } finally {
      dir.cleanup();
    }
  });
});
