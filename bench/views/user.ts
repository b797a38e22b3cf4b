// `node bench/views/user.ts [--tracks N] [--hosts 5] [--full 3] [--chromium SWITCH]`: the user-side figures of
// `npm run bench:views` on their own, on the scanned catalog (built first if need be). --chromium
// adds a switch to the browser's command line (as search-page.ts does), to measure Chromium as configured.
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadAverages, machineLine } from '../support/machine.ts';
import { defaultBenchDir } from './catalog.ts';
import { row, TABLE_HEAD } from './main-figures.ts';
import { ensureScannedCatalog } from './scanned-catalog.ts';
import { userFigures } from './user-figures.ts';

const { values } = parseArgs({
  options: {
    tracks: { type: 'string', default: '250000' },
    hosts: { type: 'string', default: '5' },
    full: { type: 'string', default: '3' },
    chromium: { type: 'string', multiple: true },
  },
});
const dir = defaultBenchDir();
mkdirSync(dir, { recursive: true });
const scanned = await ensureScannedCatalog(dir, Number(values.tracks));
if (scanned.built) console.error(`scanned in ${Math.round(scanned.scanMs / 1000)} s`);
console.log(`### ${machineLine()}\n`);
console.log(
  `Catalog: ${scanned.dbPath} (${values.tracks} tracks scanned from ${scanned.library}). Load average before: ${loadAverages()}.\n`,
);
const { figures, memory } = await userFigures(
  scanned.dbPath,
  Number(values.hosts),
  Number(values.full),
  values.chromium ?? [],
);
console.log(TABLE_HEAD[0]);
console.log(TABLE_HEAD[1]);
for (const figure of figures) console.log(row(figure));
console.log(`\n${memory}. Load average after: ${loadAverages()}.`);
