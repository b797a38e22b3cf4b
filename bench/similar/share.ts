// `npm run bench:similar:share [-- --tracks 24 --rtt-ms 20 --mbit 50]`: what analysing a track
// costs in wall time when the file lies on a network share (../shared/nas: sshfs through a
// shaped relay), the page cache dropped before every file so each read crosses the link.
// Three ways, on the same files in turn: the snippets' ranges read all at once (what ships),
// the same ranges one after another (what a reader without concurrency does), and v2's one
// centred excerpt of 20 s.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseFile } from 'music-metadata';
import type { ReadRange } from '../../src/main/core/similarity/features/byte-range.ts';
import { analyseFile, type AnalyseOptions } from '../../src/main/core/similarity/features/index.ts';
import { dropPageCache, hasNas, Nas } from '../cache/nas.ts';
import { machineLine } from '../support/machine.ts';
import { median, percentile } from '../support/stats.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '/tmp/music-real' },
    tracks: { type: 'string', default: '24' },
    'rtt-ms': { type: 'string', default: '20' },
    mbit: { type: 'string', default: '50' },
  },
});
if (!hasNas) throw new Error('../shared/nas is not here: this bench needs the shaped share');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
execFileSync(process.execPath, [join(ROOT, 'scripts/ensure-system-tools.js'), 'sshfs', 'openssh-server'], {
  stdio: 'inherit',
});
const dir = values.dir;
if (!existsSync(join(dir, 'labels.tsv'))) {
  execFileSync(fileURLToPath(new URL('../../../shared/music-real/fetch', import.meta.url)), [dir], {
    stdio: 'inherit',
  });
}
const paths = readFileSync(join(dir, 'labels.tsv'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => line.split('\t')[0]!)
  .filter((path) => existsSync(join(dir, path)))
  .slice(0, Number(values.tracks));

/** A reader of the file that lets one read cross the link at a time. */
async function oneAtATime(path: string): Promise<{ read: ReadRange; close(): Promise<void> }> {
  const handle = await open(path, 'r');
  let queue: Promise<unknown> = Promise.resolve();
  const read: ReadRange = (offset, length) => {
    const next = queue.then(async () => {
      const buffer = new Uint8Array(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    });
    queue = next.catch(() => {});
    return next;
  };
  return { read, close: () => handle.close() };
}

type Way = { name: string; analyse(path: string, durationS: number): Promise<unknown> };
const ways: Way[] = [
  { name: '16 snippets, ranges read at once (v3)', analyse: (path, durationS) => analyseFile(path, { durationS }) },
  {
    name: '16 snippets, ranges read one after another',
    analyse: async (path, durationS) => {
      const reader = await oneAtATime(path);
      try {
        return await analyseFile(path, { durationS, readRange: reader.read } satisfies AnalyseOptions);
      } finally {
        await reader.close();
      }
    },
  },
  {
    name: 'one excerpt of 20 s (v2)',
    analyse: (path, durationS) => analyseFile(path, { durationS, snippets: 1, snippetS: 20 }),
  },
];

const work = '/tmp/tonearm-bench/similar-share';
const mount = join(work, 'mnt');
mkdirSync(mount, { recursive: true });
const nas = new Nas(join(work, 'nas-state'));
const rttMs = Number(values['rtt-ms']);
const mbit = Number(values.mbit);
nas.up(dir, mount, rttMs, mbit);
try {
  // The catalog knows each length; the bench reads them locally, as a scan would have.
  const durations = await Promise.all(
    paths.map(async (path) => (await parseFile(join(dir, path), { duration: true })).format.duration ?? 0),
  );
  console.log(`### ${machineLine()} · load ${loadavg()[0]!.toFixed(1)}\n`);
  console.log(
    `${paths.length} tracks of ${dir} through the share at ${rttMs} ms round trip / ${mbit} Mbit, page cache dropped before each file.\n`,
  );
  console.log('| reading | wall per track: median | p95 |');
  console.log('| --- | ---: | ---: |');
  for (const way of ways) {
    const walls: number[] = [];
    for (const [i, path] of paths.entries()) {
      dropPageCache();
      const started = performance.now();
      await way.analyse(join(mount, path), durations[i]!);
      walls.push(performance.now() - started);
    }
    console.log(`| ${way.name} | ${Math.round(median(walls))} ms | ${Math.round(percentile(walls, 95))} ms |`);
  }
} finally {
  nas.down();
}
