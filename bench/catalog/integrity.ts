// What the start-up integrity check costs on a big catalog: PRAGMA quick_check on the views
// bench's 250k-track catalog, cold (page cache dropped where we may) and warm, plus a backup.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { machineLine } from '../support/machine.ts';
import { median } from '../support/stats.ts';
import { catalogPath, defaultBenchDir, ensureCatalog } from '../views/catalog.ts';

const { values } = parseArgs({
  options: { tracks: { type: 'string', default: '250000' }, runs: { type: 'string', default: '5' } },
});
const tracks = Number(values.tracks);
const dir = defaultBenchDir();
mkdirSync(dir, { recursive: true });
const dbPath = catalogPath(dir, tracks);
const built = await ensureCatalog({ dbPath, tracks });
if (built.built) console.error(`built the catalog in ${Math.round(built.ms / 1000)} s`);

const runs = Number(values.runs);
const timings: number[] = [];
for (let i = 0; i < runs; i++) {
  // A fresh connection each run: the app checks once, on a connection that has read nothing yet.
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  const started = performance.now();
  const result = db.pragma('quick_check', { simple: true });
  timings.push(performance.now() - started);
  db.close();
  if (result !== 'ok') throw new Error(`quick_check on ${dbPath}: ${String(result)}`);
}

const backupPath = join(dir, `backup-bench-${process.pid}.sqlite`);
const db = new Database(dbPath, { readonly: true, fileMustExist: true });
const started = performance.now();
await db.backup(backupPath);
const backupMs = performance.now() - started;
db.close();
rmSync(backupPath, { force: true });

console.log(machineLine());
console.log(`catalog: ${tracks.toLocaleString('en')} tracks, ${Math.round(statSync(dbPath).size / 2 ** 20)} MiB`);
console.log(
  `quick_check: median ${Math.round(median(timings))} ms of ${runs} runs (${timings.map(Math.round).join(', ')})`,
);
console.log(`online backup: ${Math.round(backupMs)} ms`);
