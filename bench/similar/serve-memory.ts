// `tonearm serve` while the background analysis runs (issue 16's memory target): a copy of the
// views bench's scanned 250k catalog with every vector deleted, so the analysis has the whole
// library to do; the RSS of the serving process and of each of its children (the parser; the
// analysis, once it has a process of its own) every few seconds. The original is not touched.
//   node bench/similar/serve-memory.ts [--tonearm bin/tonearm.js] [--seconds 90] [--every 5]
// --tonearm may name another checkout's (built) bin/tonearm.js, for a figure before a change.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { machineLine } from '../support/machine.ts';

const SOURCE = '/tmp/tonearm-bench/views/scanned-250000-v1/catalog.sqlite';
const { values } = parseArgs({
  options: {
    tonearm: { type: 'string', default: fileURLToPath(new URL('../../bin/tonearm.js', import.meta.url)) },
    seconds: { type: 'string', default: '90' },
    every: { type: 'string', default: '5' },
  },
});

/** VmRSS in MB, or 0 for a process that is gone. */
function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) found.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** What a child of the serving process is: the analysis is started with its start data. */
function kindOf(pid: number): 'analysis' | 'parser' | 'other' {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes('--tonearm-start')) return 'analysis';
    return cmdline.includes('parser.js') ? 'parser' : 'other';
  } catch {
    return 'other';
  }
}

/** A process's RSS with its descendants' (the decoders an analysis starts count as its). */
function treeMb(pid: number): number {
  return rssMb(pid) + childrenOf(pid).reduce((sum, child) => sum + treeMb(child), 0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

if (!existsSync(SOURCE)) {
  process.stderr.write(`No catalog at ${SOURCE}: run the views bench once (npm run bench:views) to build it.\n`);
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'tonearm-serve-memory-'));
const dbPath = join(dir, 'catalog.sqlite');
copyFileSync(SOURCE, dbPath);
const copy = new Database(dbPath);
const deleted = copy.prepare('DELETE FROM track_vectors').run().changes;
copy.close();

console.log(machineLine());
console.log(`load average at start: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
console.log(`${values.tonearm} serve on a copy of ${SOURCE} (${deleted} vectors deleted from the copy)`);
const server = spawn(process.execPath, [values.tonearm, 'serve', '--db', dbPath, '--port', '0'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
const seconds = Number(values.seconds);
const every = Number(values.every);
const samples: { t: number; serve: number; parser: number; analysis: number; other: number }[] = [];
console.log('  t s | serve MB | parser MB | analysis MB | other MB');
for (let t = every; t <= seconds; t += every) {
  await sleep(every * 1000);
  const sample = { t, serve: rssMb(server.pid!), parser: 0, analysis: 0, other: 0 };
  for (const child of childrenOf(server.pid!)) sample[kindOf(child)] += treeMb(child);
  samples.push(sample);
  const cell = (n: number, width: number) => String(n).padStart(width);
  console.log(
    `${cell(t, 5)} | ${cell(sample.serve, 8)} | ${cell(sample.parser, 9)} | ${cell(sample.analysis, 11)} | ${cell(sample.other, 8)}`,
  );
}
server.kill('SIGINT');
const exited = await Promise.race([
  new Promise((resolve) => server.once('exit', () => resolve(true))),
  sleep(15_000, false),
]);
if (!exited) server.kill('SIGKILL');
const analysed = new Database(dbPath, { readonly: true }).prepare('SELECT count(*) FROM track_vectors').pluck().get();
// From 15 s on: the analysis starts 5 s after the start, its process a moment later.
const running = samples.filter((sample) => sample.t >= 15);
const summary = (key: 'serve' | 'parser' | 'analysis') =>
  `${key} median ${median(running.map((s) => s[key]))} MB, max ${Math.max(...running.map((s) => s[key]))} MB`;
console.log(`from 15 s: ${summary('serve')}; ${summary('parser')}; ${summary('analysis')}`);
console.log(`vectors written during the run: ${analysed}`);
console.log(`load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
rmSync(dir, { recursive: true, force: true });
