// `node bench/views/search-page.ts --db FILE [--rounds 2] [--chromium SWITCH]`: the user bench's keystrokes typed
// in Chromium against `tonearm serve` on FILE (a copy of the scanned catalog: the host writes to
// it), each timed from its input event to the paint of its right rows (page-probe.ts) and
// sorted by kind — the first of a phrase (the search view built), the first with results after
// an empty one (the table built again), the others — with the input → host's reply part apart.
// --chromium adds a switch to the browser's command line (chromium-defer.ts says which one matters).
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { queryTrackIds } from '../../src/main/core/views/query-tracks.ts';
import type { TrackSort } from '../../src/shared/views.ts';
import { launchChromium } from '../../test/support/browser.ts';
import { serveTonearm } from '../../test/support/cli.ts';
import { loadAverages, machineLine } from '../support/machine.ts';
import { median, percentile, roundMs } from '../support/stats.ts';
import { TYPED } from './main-figures.ts';
import { installProbe, type Probe } from './page-probe.ts';
import { probeOf } from './user-support.ts';

declare const window: unknown;

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    rounds: { type: 'string', default: '2' },
    chromium: { type: 'string', multiple: true },
  },
});
if (!values.db) {
  console.error('usage: node bench/views/search-page.ts --db FILE (a copy of the scanned catalog)');
  process.exit(2);
}
const dbPath = values.db;
const SORT: TrackSort = { field: 'albumArtist', desc: false };
const normalize = (text: string) => text.trim().replace(/\s+/g, ' ');

const db = new Database(dbPath, { readonly: true });
const coldId = queryTrackIds(db, { sort: SORT })[0]!;
const expected = new Map<string, number | null>();
for (const phrase of TYPED)
  for (let n = 1; n <= phrase.length; n++) {
    const text = normalize(phrase.slice(0, n));
    if (!expected.has(text)) expected.set(text, queryTrackIds(db, { sort: SORT, search: text })[0] ?? null);
  }
db.close();

const switches = values.chromium ?? [];
console.log(
  `### ${machineLine()}\n\nCatalog: ${dbPath}. Chromium switches added: ${switches.join(' ') || 'none'}. Load before: ${loadAverages()}.\n`,
);
const painted = new Map<string, number[]>();
const replied = new Map<string, number[]>();
const served = await serveTonearm(['--db', dbPath]);
const browser = await launchChromium(switches);
try {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await page.addInitScript(installProbe, coldId);
  await page.goto(served.url);
  await page.waitForFunction(() => (window as { __probe: Probe }).__probe.cold, null, { timeout: 30_000 });
  // The start's background work first (the watches, the parser process), as the user bench.
  await page.waitForTimeout(6000);
  const probe = probeOf(page);
  const box = page.getByRole('searchbox', { name: 'Search the library' });
  await box.click();
  for (let round = 0; round < Number(values.rounds); round++)
    for (const phrase of TYPED) {
      let afterEmpty = false;
      for (let n = 1; n <= phrase.length; n++) {
        const text = normalize(phrase.slice(0, n));
        if (phrase[n - 1] === ' ') {
          await page.keyboard.press('Space');
          continue;
        }
        const id = expected.get(text) ?? null;
        await probe.arm({ kind: 'search', title: text, id });
        await page.keyboard.press(phrase[n - 1]!);
        const frame = await probe.painted();
        const kind = n === 1 ? 'first of a phrase' : afterEmpty && id !== null ? 'first after an empty one' : 'others';
        painted.set(kind, [...(painted.get(kind) ?? []), frame.paintedAt - frame.inputAt]);
        if (frame.paintedAt - frame.inputAt > 200)
          console.log(`slow: “${text}” (${kind}) ${roundMs(frame.paintedAt - frame.inputAt)} ms painted`);
        replied.set(kind, [...(replied.get(kind) ?? []), Math.max(0, frame.replyAt - frame.inputAt)]);
        afterEmpty = id === null;
      }
      await page.keyboard.press('Escape');
      await box.click();
    }
} finally {
  await browser.close();
  await served.stop();
}
const cell = (ms: number[]) => `${roundMs(median(ms))} / ${roundMs(percentile(ms, 95))}`;
console.log('| keystrokes | n | painted, p50 / p95 ms | of which input → reply, p50 / p95 ms |');
console.log('| --- | --: | --: | --: |');
for (const [kind, ms] of painted) console.log(`| ${kind} | ${ms.length} | ${cell(ms)} | ${cell(replied.get(kind)!)} |`);
const all = [...painted.values()].flat();
console.log(`| all | ${all.length} | ${cell(all)} | ${cell([...replied.values()].flat())} |`);
console.log(`\nLoad after: ${loadAverages()}.`);
