// `npm run bench:views`: the library views on a 250,000-track catalog (≈20,000 albums,
// ≈8,000 album artists), in the main process and in Chromium against `tonearm serve`, then
// as a user feels them on a catalog scanned from real files (user-figures.ts).
// Prints a Markdown table (and writes it to $TONEARM_BENCH_DIR/views/results.md).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { CatalogReads } from '../../src/main/core/catalog/reads/index.ts';
import { ViewsEngine } from '../../src/main/core/views/engine.ts';
import { hasChromium } from '../../test/support/browser.ts';
import { loadAverages, machineLine } from '../support/machine.ts';
import { catalogPath, defaultBenchDir, ensureCatalog } from './catalog.ts';
import { chromiumFigures, type Expected } from './chromium-figures.ts';
import { mainFigures, row, TABLE_HEAD, type Figure } from './main-figures.ts';
import { ensureScannedCatalog } from './scanned-catalog.ts';
import { userFigures } from './user-figures.ts';

const { values } = parseArgs({
  options: {
    tracks: { type: 'string', default: '250000' },
    'cold-runs': { type: 'string', default: '5' },
    'skip-chromium': { type: 'boolean', default: false },
    'skip-user': { type: 'boolean', default: false },
    hosts: { type: 'string', default: '5' },
    'full-hosts': { type: 'string', default: '3' },
  },
});
const tracks = Number(values.tracks);
const dir = defaultBenchDir();
mkdirSync(dir, { recursive: true });
const dbPath = catalogPath(dir, tracks);
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

console.error(`catalog: ${dbPath}`);
const built = await ensureCatalog({ dbPath, tracks });
if (built.built) console.error(`built the catalog in ${Math.round(built.ms / 1000)} s`);

const db = new Database(dbPath, { readonly: true });
const counts = db
  .prepare(
    'SELECT (SELECT count(*) FROM tracks), (SELECT count(*) FROM albums), (SELECT count(DISTINCT artist_id) FROM albums)',
  )
  .raw()
  .get() as [number, number, number];
const engine = new ViewsEngine(new CatalogReads(db));
const firstId = (field: keyof Expected['firstId']) =>
  engine.trackIds({ kind: 'tracks', filter: { type: 'all' }, sort: { field, desc: false } })[0]!;
const expected: Expected = {
  firstId: {
    artist: firstId('artist'),
    album: firstId('album'),
    title: firstId('title'),
    year: firstId('year'),
    genre: firstId('genre'),
    duration: firstId('duration'),
  },
};
db.close();

say(`### ${machineLine()}`);
say();
say(
  `Catalog: ${counts[0].toLocaleString('en')} tracks, ${counts[1].toLocaleString('en')} albums, ${counts[2].toLocaleString('en')} album artists (bench/views/catalog.ts). Load average before: ${loadAverages()}.`,
);
say();

const main = await mainFigures(dbPath);
const figures: Figure[] = [...main.figures];
let memory = `the bench process hosting the core for the figures above ${main.rssMB} MB RSS, its longest event-loop delay ${main.loopMaxMs} ms`;

const isBuilt = existsSync(fileURLToPath(new URL('../../out/main/cli.js', import.meta.url)));
if (!values['skip-chromium'] && hasChromium && isBuilt) {
  const chromium = await chromiumFigures(dbPath, expected, Number(values['cold-runs']));
  figures.push(...chromium.figures);
  memory += `; the main process (\`tonearm serve\`) after the Chromium run ${chromium.mainRss.rss} MB RSS (peak ${chromium.mainRss.peak} MB, target ≤ 300 MB); the renderer's JS heap ${chromium.rendererHeapMB} MB`;
} else {
  say(`Chromium figures skipped (${!isBuilt ? 'run `npm run build` first' : 'no Chromium or --skip-chromium'}).`);
}

say(TABLE_HEAD[0]!);
say(TABLE_HEAD[1]!);
for (const figure of figures) say(row(figure));
say();
say(`Memory: ${memory}. Load average after: ${loadAverages()}.`);

if (!values['skip-user'] && !values['skip-chromium'] && hasChromium && isBuilt) {
  const scanned = await ensureScannedCatalog(dir, tracks);
  if (scanned.built) console.error(`scanned the library in ${Math.round(scanned.scanMs / 1000)} s`);
  say();
  say(
    `As a user feels it, on ${scanned.dbPath} (scanned from ${scanned.library}). Load average before: ${loadAverages()}.`,
  );
  say();
  const user = await userFigures(scanned.dbPath, Number(values.hosts), Number(values['full-hosts']));
  say(TABLE_HEAD[0]!);
  say(TABLE_HEAD[1]!);
  for (const figure of user.figures) say(row(figure));
  say();
  say(`${user.memory}. Load average after: ${loadAverages()}.`);
}
writeFileSync(join(dir, 'results.md'), `${lines.join('\n')}\n`);
