// The chunk cache over a real (shaped) sshfs share: time to first audio byte and to a seek,
// an outage mid-track, replay against a local file, a change to the prefetched next track,
// and the chunk-size sweep — each next to reading the same bytes straight from the mount,
// in the same run. Needs root (FUSE, sshd, dropping the page cache). `npm run bench:cache`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Core } from '../../src/main/core/core.ts';
import { startHost, type RunningHost } from '../../src/main/host/server.ts';
import { median } from '../support/stats.ts';
import { dropPageCache, hasNas, Nas } from './nas.ts';
import { directStream, firstByte, httpStream, play } from './player.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORK = process.env.BENCH_DIR ?? '/tmp/tonearm-bench-cache';
const TRIALS = Number(process.env.TRIALS ?? 5);
const QUICK = process.env.QUICK === '1';
const LINKS = [
  { rttMs: 20, mbit: 50 },
  { rttMs: 4, mbit: 200 },
];
const SWEEP_KB = [256, 512, 1024, 2048, 5120, 10240, 20480];
const LOOKAHEAD_BYTES = 16 * 1024 * 1024;
const MB = 1024 * 1024;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (value: number) => `${Math.round(value)} ms`;

function makeFlac(path: string, seconds: number, seed: number): void {
  if (existsSync(path)) return;
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-filter_complex',
    `anoisesrc=d=${seconds}:c=pink:r=44100:a=0.5:seed=${seed}[a];anoisesrc=d=${seconds}:c=pink:r=44100:a=0.5:seed=${seed + 1}[b];[a][b]amerge=inputs=2`,
    '-sample_fmt',
    's16',
    '-c:a',
    'flac',
    '-compression_level',
    '0',
    path,
  ]);
}

interface Bench {
  core: Core;
  host: RunningHost;
  url(name: string): string;
  mountPath(name: string): string;
  bytesPerSecond: number;
  size: number;
  nas: Nas;
}

async function setup(): Promise<Bench> {
  execFileSync(process.execPath, [join(ROOT, 'scripts/ensure-system-tools.js'), 'sshfs', 'openssh-server'], {
    stdio: 'inherit',
  });
  const exportDir = join(WORK, 'export');
  const localDir = join(WORK, 'local');
  const mount = join(WORK, 'mnt');
  mkdirSync(exportDir, { recursive: true });
  mkdirSync(localDir, { recursive: true });
  const seconds = 300;
  console.error('Making the test tracks (FLAC, 300 s)…');
  makeFlac(join(exportDir, 'A.flac'), seconds, 1);
  makeFlac(join(exportDir, 'B.flac'), seconds, 3);
  if (!existsSync(join(localDir, 'L.flac'))) copyFileSync(join(exportDir, 'A.flac'), join(localDir, 'L.flac'));
  const size = statSync(join(exportDir, 'A.flac')).size;
  const nas = new Nas(join(WORK, 'nas-state'));
  nas.up(exportDir, mount, LINKS[0]!.rttMs, LINKS[0]!.mbit);
  const dataDir = join(WORK, 'data');
  rmSync(dataDir, { recursive: true, force: true });
  const core = new Core({
    dbPath: join(dataDir, 'catalog.sqlite'),
    host: 'browser',
    version: 'bench',
    parserEntry: join(ROOT, 'src/main/parser/index.ts'),
    workers: 1,
  });
  const shareRoot = await core.addRoot(mount);
  if (shareRoot.kind !== 'network') throw new Error(`${mount} was not detected as a network root`);
  await core.addRoot(localDir);
  await core.scanner.start().done;
  const host = await startHost({ core, rendererDir: join(ROOT, 'out/renderer') });
  const ids = new Map(core.catalog.tracks.page(0, 100).map((t) => [t.path.split('/').pop()!, t.id]));
  return {
    core,
    host,
    nas,
    size,
    bytesPerSecond: size / seconds,
    url: (name) => `http://127.0.0.1:${host.port}/media/${ids.get(name)}?token=${host.token}`,
    mountPath: (name) => join(mount, name),
  };
}

/** Nothing cached, nothing in the page cache: the next read crosses the link. */
async function cold(b: Bench): Promise<void> {
  b.core.cache.hint(null, null);
  await b.core.cache.idle();
  await b.core.cache.clear();
  dropPageCache();
}

/** What a player without the cache pays: open the file on the mount and read 64 KB. */
async function directStart(path: string): Promise<number> {
  const started = performance.now();
  const file = await open(path, 'r');
  await file.read(new Uint8Array(64 * 1024), 0, 64 * 1024, 0);
  const took = performance.now() - started;
  await file.close();
  return took;
}

/** …and for a seek: a 64 KB read elsewhere in a file it already has open. */
async function directSeek(path: string, position: number): Promise<number> {
  const file = await open(path, 'r');
  await file.read(new Uint8Array(64 * 1024), 0, 64 * 1024, 0);
  const started = performance.now();
  await file.read(new Uint8Array(64 * 1024), 0, 64 * 1024, position);
  const took = performance.now() - started;
  await file.close();
  return took;
}

async function startAndSeek(b: Bench, trials: number) {
  const rootId = shareRootId(b);
  const cache = { start: [] as number[], seek: [] as number[] };
  const direct = { start: [] as number[], seek: [] as number[] };
  for (let i = 0; i < trials; i++) {
    const seekTo = Math.floor(b.size * (0.5 + 0.05 * (i % 4)));
    await cold(b);
    b.core.cache.hint({ path: b.mountPath('A.flac'), rootId }, null);
    const started = performance.now();
    const playing = await httpStream(b.url('A.flac'), 0);
    await playing.next();
    cache.start.push(performance.now() - started);
    // The seek comes while the track plays: lookahead and background fill are under way.
    await sleep(1000);
    cache.seek.push(await firstByte(() => httpStream(b.url('A.flac'), seekTo)));
    playing.close();
    await cold(b);
    direct.start.push(await directStart(b.mountPath('A.flac')));
    dropPageCache();
    direct.seek.push(await directSeek(b.mountPath('A.flac'), seekTo));
  }
  return { cache, direct };
}

async function outage(b: Bench) {
  const schedule = (label: string) => {
    let offline = false;
    let back = false;
    return (elapsed: number) => {
      if (!offline && elapsed >= 8) {
        offline = true;
        b.nas.offline();
        console.error(`  ${label}: nas offline at ${elapsed.toFixed(1)} s`);
      }
      if (!back && elapsed >= 18) {
        back = true;
        b.nas.online();
        console.error(`  ${label}: nas online at ${elapsed.toFixed(1)} s`);
      }
    };
  };
  await cold(b);
  // Lookahead alone must carry playback through: with the background fill on, the whole file
  // would be cached long before the outage.
  await b.core.settings.set('cache.backgroundFill', false);
  let markedOffline = false;
  const unsubscribe = b.core.bus.on('library.changed', () => {
    if (b.core.catalog.roots.list().some((r) => r.kind === 'network' && !r.online)) markedOffline = true;
  });
  const onTick = schedule('cache');
  let cachedAtReturn = -1;
  const cache = await play(() => httpStream(b.url('A.flac'), 0), {
    bytesPerSecond: b.bytesPerSecond,
    seconds: 28,
    onTick: (elapsed) => {
      onTick(elapsed);
      if (elapsed >= 18 && cachedAtReturn < 0) cachedAtReturn = b.core.cache.stats().bytesCached;
    },
  });
  // The lookahead moved on with the playhead once the share was back.
  const resumed = b.core.cache.stats().bytesCached > cachedAtReturn;
  unsubscribe();
  await b.core.settings.set('cache.backgroundFill', true);
  for (const r of b.core.catalog.roots.list())
    console.error(`  root ${r.path}: ${r.online ? 'online' : `offline (${r.offlineReason})`}`);
  const backOnline = markedOffline && b.core.catalog.roots.list().some((r) => r.kind === 'network' && r.online);
  await cold(b);
  const direct = await play(() => directStream(b.mountPath('A.flac'), 0), {
    bytesPerSecond: b.bytesPerSecond,
    seconds: 28,
    onTick: schedule('direct'),
  });
  await sleep(2000);
  return { cache, direct, resumed, backOnline };
}

async function replay(b: Bench, trials: number) {
  await cold(b);
  b.core.cache.hint({ path: b.mountPath('A.flac'), rootId: shareRootId(b) }, null);
  await firstByte(() => httpStream(b.url('A.flac'), 0));
  const deadline = Date.now() + 120_000;
  while (b.core.cache.stats().bytesCached < b.size && Date.now() < deadline) await sleep(200);
  b.core.cache.hint(null, null);
  const full = async (url: string) => {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    return performance.now() - started;
  };
  const out = {
    cached: { first: [] as number[], full: [] as number[] },
    local: { first: [] as number[], full: [] as number[] },
  };
  // First bytes apart from whole-file reads (whose garbage would land on the next one), in
  // alternating order, with a pause between.
  for (let i = 0; i < trials; i++) {
    for (const which of i % 2 ? (['local', 'cached'] as const) : (['cached', 'local'] as const)) {
      await sleep(200);
      out[which].first.push(await firstByte(() => httpStream(b.url(which === 'cached' ? 'A.flac' : 'L.flac'), 0)));
    }
  }
  for (let i = 0; i < trials; i++) {
    out.cached.full.push(await full(b.url('A.flac')));
    out.local.full.push(await full(b.url('L.flac')));
  }
  return out;
}

function shareRootId(b: Bench): number {
  return b.core.catalog.roots.list().find((r) => r.kind === 'network')!.id;
}

async function trackChange(b: Bench, trials: number) {
  const out = {
    cacheFirst: [] as number[],
    cacheStall: [] as number[],
    directFirst: [] as number[],
    directStall: [] as number[],
  };
  const rootId = shareRootId(b);
  for (let i = 0; i < trials; i++) {
    await cold(b);
    b.core.cache.hint({ path: b.mountPath('A.flac'), rootId }, { path: b.mountPath('B.flac'), rootId });
    await play(() => httpStream(b.url('A.flac'), 0), { bytesPerSecond: b.bytesPerSecond, seconds: 4 });
    b.core.cache.hint({ path: b.mountPath('B.flac'), rootId }, null);
    const cache = await play(() => httpStream(b.url('B.flac'), 0), { bytesPerSecond: b.bytesPerSecond, seconds: 4 });
    out.cacheFirst.push(cache.firstByteMs);
    out.cacheStall.push(cache.stallMs);
    await cold(b);
    const direct = await play(() => directStream(b.mountPath('B.flac'), 0), {
      bytesPerSecond: b.bytesPerSecond,
      seconds: 4,
    });
    out.directFirst.push(direct.firstByteMs);
    out.directStall.push(direct.stallMs);
  }
  return out;
}

async function sweep(b: Bench, trials: number) {
  const rows: string[] = [];
  const rootId = shareRootId(b);
  for (const kb of SWEEP_KB) {
    await b.core.settings.set('cache.chunkSizeKB', kb);
    await b.core.settings.set('cache.lookaheadChunks', Math.max(1, Math.ceil(LOOKAHEAD_BYTES / (kb * 1024))));
    const start: number[] = [];
    const seek: number[] = [];
    const ahead: number[] = [];
    let fillMBps = NaN;
    for (let i = 0; i < trials; i++) {
      await cold(b);
      b.core.cache.hint({ path: b.mountPath('A.flac'), rootId }, null);
      const started = performance.now();
      start.push(await firstByte(() => httpStream(b.url('A.flac'), 0)));
      await sleep(1500);
      const seekFrom = Math.floor(b.size * 0.6);
      const seekStarted = performance.now();
      const stream = await httpStream(b.url('A.flac'), seekFrom);
      await stream.next();
      seek.push(performance.now() - seekStarted);
      // How soon 4 MB past the seek point are cached (what keeps playing after it).
      const covered = async () => {
        const stats = b.core.cache.stats();
        return stats.bytesCached >= 0 && (await coverage(b, seekFrom, 4 * MB));
      };
      while (!(await covered()) && performance.now() - seekStarted < 30_000) await sleep(20);
      ahead.push(performance.now() - seekStarted);
      stream.close();
      if (i === 0) {
        while (b.core.cache.stats().bytesCached < b.size && performance.now() - started < 120_000) await sleep(50);
        fillMBps = b.size / MB / ((performance.now() - started) / 1000);
      }
    }
    const stats = b.core.cache.stats();
    rows.push(
      `| ${kb >= 1024 ? `${kb / 1024} MB` : `${kb} KB`} | ${ms(median(start))} | ${ms(median(seek))} | ${ms(median(ahead))} | ${fillMBps.toFixed(1)} MB/s | ${Math.ceil(b.size / (kb * 1024))} | ${stats.lastFetchChunkBytes === kb * 1024 ? 'yes' : 'no'} |`,
    );
    console.error(rows.at(-1));
  }
  return rows;
}

/** Whether the cache holds [from, from + bytes) of A.flac, asked of the catalog. */
async function coverage(b: Bench, from: number, bytes: number): Promise<boolean> {
  // The writer thread records the chunks: the catalog shows them once it has answered.
  await b.core.cache.flush();
  const row = b.core.catalog.db
    .prepare(
      `SELECT COALESCE(sum(min(c.start + c.bytes, ?) - max(c.start, ?)), 0) AS n
       FROM cache_chunks c JOIN cache_entries e ON e.id = c.entry_id
       WHERE e.path = ? AND c.start < ? AND c.start + c.bytes > ?`,
    )
    .get(from + bytes, from, b.mountPath('A.flac'), from + bytes, from) as { n: number };
  return row.n >= bytes;
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('bench:cache needs root (FUSE, sshd, dropping the page cache)');
  if (!hasNas) throw new Error('../shared/nas is absent: nothing to measure against');
  const b = await setup();
  // Stopped by hand: take the share down all the same.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      b.nas.down();
      process.exit(130);
    });
  const report: string[] = [];
  const say = (line = '') => {
    report.push(line);
    console.log(line);
  };
  try {
    say(
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
    );
    say(
      `Track: ${(b.size / MB).toFixed(1)} MB FLAC, ${((b.bytesPerSecond * 8) / 1e6).toFixed(2)} Mbit/s; medians of ${TRIALS} unless said.`,
    );
    say(
      `Chunk size ${b.core.settings.get('cache.chunkSizeKB')} KB, lookahead ${b.core.settings.get('cache.lookaheadChunks')} chunks.`,
    );
    for (const link of QUICK ? LINKS.slice(0, 1) : LINKS) {
      b.nas.shape(link.rttMs, link.mbit);
      say();
      say(`### ${link.rttMs} ms RTT / ${link.mbit} Mbit`);
      say();
      say('| measure | cache (through the media handler) | direct from the mount (no cache) |');
      say('| --- | --- | --- |');
      const s = await startAndSeek(b, TRIALS);
      say(
        `| first byte of an uncached track | ${ms(median(s.cache.start))} | ${ms(median(s.direct.start))} (open + 64 KB read) |`,
      );
      say(
        `| first byte after a seek to an uncached position | ${ms(median(s.cache.seek))} | ${ms(median(s.direct.seek))} (64 KB read, file open) |`,
      );
      const o = await outage(b);
      say(
        `| 10 s outage mid-track (28 s of real-time play, 2 s client buffer) | ${o.cache.stallMs} ms stalled in ${o.cache.stalls} stalls${o.cache.error ? ` (${o.cache.error})` : ''}; share marked offline and back online: ${o.backOnline ? 'yes' : 'no'}, fetching resumed: ${o.resumed ? 'yes' : 'no'} | ${o.direct.stallMs} ms stalled in ${o.direct.stalls} stalls${o.direct.error ? ` (${o.direct.error})` : ''} |`,
      );
      const r = await replay(b, TRIALS);
      say(
        `| replay of a cached track: first byte / whole file | ${ms(median(r.cached.first))} / ${ms(median(r.cached.full))} | local file through the same handler: ${ms(median(r.local.first))} / ${ms(median(r.local.full))} |`,
      );
      const t = await trackChange(b, Math.min(3, TRIALS));
      say(
        `| change to the prefetched next track: first byte, stall over 4 s | ${ms(median(t.cacheFirst))}, ${ms(median(t.cacheStall))} | ${ms(median(t.directFirst))}, ${ms(median(t.directStall))} |`,
      );
    }
    if (process.env.SWEEP !== '0') {
      b.nas.shape(LINKS[0]!.rttMs, LINKS[0]!.mbit);
      say();
      say(
        `### Chunk-size sweep at ${LINKS[0]!.rttMs} ms / ${LINKS[0]!.mbit} Mbit (lookahead held at 16 MB; medians of 3)`,
      );
      say();
      say(
        '| chunk size | first byte, uncached | seek during fill | 4 MB past the seek cached | fill rate (whole file) | chunks per file | next fetch used it |',
      );
      say('| --- | --- | --- | --- | --- | --- | --- |');
      for (const row of await sweep(b, 3)) say(row);
    }
  } finally {
    await b.host.close();
    await b.core.close();
    b.nas.down();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
