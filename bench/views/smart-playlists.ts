// Smart playlists on the views benchmark's 250,000-track catalog (a fifth of the tracks with
// plays, a third of those rated): each query evaluated as the views thread would, on a
// read-only connection, its first run apart (the statement is prepared then), on a copy of the
// catalog so that the statistics dropped below are dropped from that copy only.
// `node bench/views/smart-playlists.ts [--tracks N] [--runs N]`
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openReadOnly } from '../../src/main/core/catalog/open.ts';
import { smartPlaylistIds } from '../../src/main/core/catalog/smart-playlists.ts';
import { machineLine } from '../support/machine.ts';
import { median, percentile } from '../support/stats.ts';
import { catalogPath, defaultBenchDir, ensureCatalog } from './catalog.ts';

export const SMART_QUERIES = [
  'played:<30d sort:plays:desc limit:50',
  'rating:>=4 played:>90d',
  'genre:jazz rating:>=3',
  'added:<30d sort:added:desc',
  'duration:>600',
  // The catalog's durations end at 8:30: a duration rule that keeps some.
  'duration:>480',
  // Large results, for the cost of ordering many rows.
  'plays:0',
  'format:flac sort:plays:desc limit:100',
  'sort:plays:desc limit:50',
] as const;

/** The budget of one evaluation at 250k tracks. */
const TARGET_MS = 150;

const { values } = parseArgs({
  options: {
    tracks: { type: 'string', default: '250000' },
    runs: { type: 'string', default: '15' },
  },
});
const dir = defaultBenchDir();
mkdirSync(dir, { recursive: true });
const dbPath = catalogPath(dir, values.tracks);
const built = await ensureCatalog({ dbPath, tracks: Number(values.tracks) });
if (built.built) console.error(`built the catalog in ${Math.round(built.ms / 1000)} s`);

// A fresh copy each run: the bench must not measure statistics or indexes left by an earlier one.
const smartPath = join(dir, `smart-${values.tracks}.sqlite`);
rmSync(smartPath, { force: true });
copyFileSync(dbPath, smartPath);
const copy = new Database(smartPath);
copy.pragma('journal_mode = DELETE');
copy.close();

const runs = Number(values.runs);
console.log(machineLine());
console.log(`${values.tracks} tracks, ${runs} runs each`);

function measure(title: string): void {
  const db = openReadOnly(smartPath);
  console.log(`\n${title}\n`);
  console.log('| smart playlist | tracks | first run | median | p95 |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const query of SMART_QUERIES) {
    const time = () => {
      const started = performance.now();
      const ids = smartPlaylistIds(db, query, Date.now());
      return { ms: performance.now() - started, count: ids.length };
    };
    const first = time();
    const samples = Array.from({ length: runs }, () => time().ms);
    const p95 = percentile(samples, 95);
    const flag = p95 > TARGET_MS ? ` (over ${TARGET_MS} ms)` : '';
    console.log(
      `| \`${query}\` | ${first.count} | ${first.ms.toFixed(1)} ms | ${median(samples).toFixed(1)} ms | ${p95.toFixed(1)} ms${flag} |`,
    );
  }
  db.close();
}

measure('With the statistics of ANALYZE (the bench catalog is built with them):');
// Tonearm never runs ANALYZE: a user's catalog is planned without statistics.
const plain = new Database(smartPath);
for (const table of ['sqlite_stat1', 'sqlite_stat4']) plain.exec(`DROP TABLE IF EXISTS ${table}`);
plain.close();
measure("Without statistics, as a user's catalog is planned:");
