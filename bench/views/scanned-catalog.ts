// A catalog the way a user gets one: real (tiny) audio files from bench/library/generate.ts,
// imported with `tonearm scan`. Unlike catalog.ts's, it has real paths, covers found in the
// files, folders the watcher watches, and whatever statistics (or none) an import leaves.
// Cached by SCANNED_VERSION: the library under $TONEARM_BENCH_DIR/lib-N-tiny, the catalog in
// its own folder (the host keeps covers, logs and backups beside it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLibrary } from '../library/generate.ts';

/** Bumped when the library or the import changes what the catalog holds. */
export const SCANNED_VERSION = 1;
const TONEARM = fileURLToPath(new URL('../../bin/tonearm.js', import.meta.url));

export const scannedCatalogPath = (benchDir: string, tracks: number): string =>
  join(benchDir, `scanned-${tracks}-v${SCANNED_VERSION}`, 'catalog.sqlite');

export async function ensureScannedCatalog(
  benchDir: string,
  tracks: number,
): Promise<{ dbPath: string; library: string; built: boolean; scanMs: number }> {
  const dbPath = scannedCatalogPath(benchDir, tracks);
  const library = join(dirname(benchDir), `lib-${tracks}-tiny`);
  if (existsSync(`${dbPath}.complete`)) return { dbPath, library, built: false, scanMs: 0 };
  if (!existsSync(join(library, 'manifest.json'))) {
    console.error(`generating ${tracks} tiny audio files in ${library}`);
    await generateLibrary({ dir: library, tracks, durationS: 1 });
  }
  const dir = dirname(dbPath);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  console.error(`importing it with tonearm scan into ${dbPath}`);
  const started = performance.now();
  const scan = spawnSync(process.execPath, [TONEARM, 'scan', library, '--db', dbPath, '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (scan.status !== 0) throw new Error(`tonearm scan failed (${scan.status})`);
  const scanMs = performance.now() - started;
  // The marker is the last write: an interrupted build is made again.
  writeFileSync(`${dbPath}.complete`, scan.stdout);
  return { dbPath, library, built: true, scanMs };
}
