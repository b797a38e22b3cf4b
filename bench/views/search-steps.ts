// `node bench/views/search-steps.ts [--db FILE] [--rounds 5]`: where a search keystroke's time
// goes, in-process, on a catalog opened read-only (the scanned 250k one by default): the
// views thread's whole `search()` per keystroke of the user bench's phrases, then its steps
// (the FTS read, the hits put in order, the groups, the rows) and what the relay costs (the
// structured clone a thread's reply is, the JSON the socket sends). Quieter than the browser
// bench on a shared machine; each round uses a fresh engine, so no keystroke hits a cache.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serialize } from 'node:v8';
import Database from 'better-sqlite3';
import { CatalogReads } from '../../src/main/core/catalog/reads/index.ts';
import { ViewsEngine } from '../../src/main/core/views/engine.ts';
import { parseQuery, toFtsMatch } from '../../src/main/core/views/query-language.ts';
import { searchGroups } from '../../src/main/core/views/search-groups.ts';
import type { LibraryTables } from '../../src/main/core/views/library-tables.ts';
import { BASE_SORT, sortByOrder, type TrackOrder } from '../../src/main/core/views/track-order.ts';
import { loadAverages, machineLine } from '../support/machine.ts';
import { median, percentile, roundMs } from '../support/stats.ts';
import { defaultBenchDir } from './catalog.ts';
import { TYPED } from './main-figures.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    rounds: { type: 'string', default: '5' },
    verbose: { type: 'boolean', default: false },
  },
});
const dbPath = values.db ?? join(defaultBenchDir(), 'scanned-250000-v1', 'catalog.sqlite');
const rounds = Number(values.rounds);
const LIMIT = 100;

/** The texts the user bench searches: every keystroke of every phrase, a trailing space left out. */
const keystrokes: string[] = [];
for (const phrase of TYPED)
  for (let n = 1; n <= phrase.length; n++)
    if (phrase[n - 1] !== ' ') keystrokes.push(phrase.slice(0, n).trim().replace(/\s+/g, ' '));

// The engine's private parts the steps below need (a bench may look inside; the app may not).
interface EngineInside {
  trackOrder(sort: typeof BASE_SORT, version: number): TrackOrder;
  tablesAt(version: number): LibraryTables;
  version(): number;
}

function freshEngine(): { engine: ViewsEngine; reads: CatalogReads; db: Database.Database } {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  db.pragma('cache_size = -8000');
  const reads = new CatalogReads(db);
  const engine = new ViewsEngine(reads);
  // As the app is when the user types: the Songs view open (its order read), the box focused.
  engine.warm();
  engine.settle();
  engine.search('', BASE_SORT, 1);
  return { engine, reads, db };
}

const steps = ['whole search()', 'fts', 'order', 'groups', 'song rows', 'album rows', 'clone', 'json'] as const;
const samples = new Map<string, number[]>(steps.map((step) => [step, []]));
const hitsOf = new Map<string, number>();
const byText = new Map<string, Map<string, number[]>>();
let current = '';
const add = (step: string, ms: number) => {
  samples.get(step)!.push(ms);
  const steps = byText.get(current) ?? new Map<string, number[]>();
  byText.set(current, steps.set(step, [...(steps.get(step) ?? []), ms]));
};
const time = <T>(step: string, work: () => T): T => {
  const started = performance.now();
  const value = work();
  add(step, performance.now() - started);
  return value;
};

console.log(`### ${machineLine()}\n`);
console.log(
  `Catalog: ${dbPath}. ${keystrokes.length} keystrokes × ${rounds} rounds. Load before: ${loadAverages()}.\n`,
);
for (let round = 0; round < rounds; round++) {
  const whole = freshEngine();
  for (const text of keystrokes) {
    current = text;
    const result = time('whole search()', () => whole.engine.search(text, BASE_SORT, LIMIT));
    time('clone', () => serialize(result));
    time('json', () => JSON.stringify(result));
  }
  whole.db.close();

  const { engine, reads, db } = freshEngine();
  const inside = engine as unknown as EngineInside;
  reads.consistent(() => {
    const version = inside.version();
    const order = inside.trackOrder(BASE_SORT, version);
    const tables = inside.tablesAt(version);
    for (const text of keystrokes) {
      current = text;
      const query = parseQuery(text);
      const match = toFtsMatch(query);
      const hits = time('fts', () => (match ? reads.sets.text(match, query.year ?? undefined) : []));
      hitsOf.set(text, hits.length);
      const ids = time('order', () => sortByOrder(hits, order));
      const groups = time('groups', () => searchGroups(tables, query, ids, 12));
      time('song rows', () => reads.rows.tracks(ids.subarray(0, LIMIT)));
      time('album rows', () => reads.rows.albums(groups.albumIds));
    }
  });
  db.close();
}

console.log('| step | n | median ms | p95 ms | max ms |');
console.log('| --- | --: | --: | --: | --: |');
for (const [step, ms] of samples) {
  console.log(
    `| ${step} | ${ms.length} | ${roundMs(median(ms))} | ${roundMs(percentile(ms, 95))} | ${roundMs(Math.max(...ms))} |`,
  );
}
// Each keystroke's fastest round: what the work costs when the machine's other work lets it run.
for (const step of steps) {
  const best = [...byText.values()].map((ms) => Math.min(...(ms.get(step) ?? [Number.NaN])));
  console.log(
    `| ${step}, each keystroke's best round | ${best.length} | ${roundMs(median(best))} | ${roundMs(percentile(best, 95))} | ${roundMs(Math.max(...best))} |`,
  );
}
if (values.verbose) {
  console.log(`\n| text | hits | ${steps.join(' | ')} |\n| --- | --: |${' --: |'.repeat(steps.length)}`);
  for (const [text, ms] of byText) {
    const cells = steps.map((step) => roundMs(median(ms.get(step) ?? [])));
    console.log(`| ${text} | ${hitsOf.get(text)} | ${cells.join(' | ')} |`);
  }
}
console.log(`\nLoad after: ${loadAverages()}.`);
