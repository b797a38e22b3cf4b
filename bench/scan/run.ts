// `npm run bench:scan`: import and rescan a generated 41,000-track library, and a 4,100-track
// one on the network share of ../shared/nas, beside MPD on the same folders in the same run.
// Prints a Markdown table (and writes it to $TONEARM_BENCH_DIR/scan-results.md).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateLibrary, type Manifest } from '../library/generate.ts';
import { machineLine } from '../support/machine.ts';
import { peersPresent, runMpd, type PeerResult } from '../support/peers.ts';
import { median, seconds } from '../support/stats.ts';
import { ensurePackages } from '../support/system-tools.ts';
import { warmPageCache } from '../support/warm.ts';
import { Nas, noNasReason } from '../../test/support/nas.ts';
import { applyDelta, undoDelta } from './delta.ts';
import { startCoreProcess, type CoreScan } from './core-driver.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    tracks: { type: 'string', default: '41000' },
    'nas-tracks': { type: 'string', default: '4100' },
    'skip-nas': { type: 'boolean', default: false },
    'skip-local': { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const WORK = process.env.TONEARM_BENCH_DIR ?? '/tmp/tonearm-bench';
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

async function library(dir: string, tracks: number, seed: number): Promise<Manifest> {
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (manifest.tracks.length === tracks) return manifest;
  }
  console.error(`generating ${tracks} tracks in ${dir}…`);
  const manifest = await generateLibrary({ dir, tracks, seed });
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return manifest;
}

/**
 * A table row: our median and MPD's, and the median of the runs' own ratios. Each run pairs
 * our measurement with MPD's taken right after it, so a change in the machine's load (these
 * machines are shared) falls on both sides of a ratio rather than on one median.
 */
function besideMpd(measure: string, ours: readonly number[], theirs: readonly number[], target: string): string {
  const ratios = theirs.map((their, run) => ours[run]! / their);
  return `| ${measure} | ${seconds(median(ours))} | ${seconds(median(theirs))} | ${median(ratios).toFixed(2)} × | ${target} |`;
}

/** The table's head and its rows beside MPD: full import and no-op rescan. */
function mpdTable(
  ours: readonly { full: number; noop: number }[],
  mpd: readonly PeerResult[],
  fullTarget: string,
  noopTarget: string,
): void {
  say('| measure | Tonearm | MPD (same run) | ratio (median of the runs) | target |');
  say('| --- | --- | --- | --- | --- |');
  const theirs = (pick: (m: PeerResult) => number) => mpd.map((m) => pick(m) * 1000);
  say(
    besideMpd(
      'full import',
      ours.map((o) => o.full),
      theirs((m) => m.full_s),
      fullTarget,
    ),
  );
  say(
    besideMpd(
      'no-op rescan',
      ours.map((o) => o.noop),
      theirs((m) => m.noop_s),
      noopTarget,
    ),
  );
}

/** A fresh catalog in a core process of its own: one full import, then no-op rescans. */
async function importAndRescan(dir: string, dbDir: string, noopRuns: number) {
  rmSync(dbDir, { recursive: true, force: true });
  mkdirSync(dbDir, { recursive: true });
  const core = startCoreProcess(join(dbDir, 'catalog.sqlite'), dir);
  const full = await core.scan();
  const noop: CoreScan[] = [];
  for (let i = 0; i < noopRuns; i++) noop.push(await core.scan());
  return { core, full, noop };
}

async function local(): Promise<void> {
  const tracks = Number(values.tracks);
  const manifest = await library(join(WORK, `lib-${tracks}`), tracks, 1);
  const extra = await library(join(WORK, 'extra-200'), 200, 99);
  const dir = join(WORK, `lib-${tracks}`);
  const ours: {
    full: number;
    noop: number;
    delta: number;
    p99: number;
    max: number;
    mainRss: number;
    parserRss: number;
  }[] = [];
  let deltaSummary = '';
  const mpd: PeerResult[] = [];
  // Ours and MPD's runs alternate, so a change in the machine's load falls on both.
  for (let run = 0; run < RUNS; run++) {
    warmPageCache(dir);
    const { core, full, noop } = await importAndRescan(dir, join(WORK, 'db-local'), 5);
    const delta = applyDelta(
      dir,
      manifest.tracks,
      extra.tracks.map((t) => t.path),
      WORK,
    );
    const changed = await core.scan();
    undoDelta(delta);
    await core.stop();
    const s = changed.summary;
    deltaSummary = `${s.updated} updated, ${s.added} added, ${s.missing} missing`;
    ours.push({
      full: full.wallMs,
      noop: median(noop.map((m) => m.wallMs)),
      delta: changed.wallMs,
      p99: full.loopP99Ms,
      max: full.loopMaxMs,
      mainRss: full.mainRssMB,
      parserRss: full.parserRssMB ?? Number.NaN,
    });
    console.error(
      `run ${run + 1}: full ${seconds(full.wallMs)}, no-op ${seconds(ours.at(-1)!.noop)}, delta ${seconds(changed.wallMs)} (${deltaSummary})`,
    );
    if (peersPresent) {
      warmPageCache(dir);
      mpd.push(runMpd(dir));
      console.error(`run ${run + 1}: mpd ${JSON.stringify(mpd.at(-1))}`);
    }
  }
  say(
    `### Local disk: ${tracks.toLocaleString('en')} tracks (medians of ${RUNS} runs; no-op = median of 5 rescans per run)`,
  );
  say();
  mpdTable(ours, mpd, '≤ 0.7 ×', '≤ 0.5 ×');
  say(`| 1 % delta (${deltaSummary}) | ${seconds(median(ours.map((o) => o.delta)))} | – | – | ≤ 1 s |`);
  say(
    `| main event-loop delay during import, p99 (max) | ${median(ours.map((o) => o.p99)).toFixed(1)} ms (${median(ours.map((o) => o.max)).toFixed(0)} ms) | – | – | ≤ 20 ms |`,
  );
  say(
    `| peak RSS, main process / parser process | ${median(ours.map((o) => o.mainRss)).toFixed(0)} MB / ${median(ours.map((o) => o.parserRss)).toFixed(0)} MB | – | – | – |`,
  );
  say();
}

async function network(): Promise<void> {
  if (noNasReason) {
    say(`Network share: skipped (${noNasReason}).`);
    return;
  }
  const tracks = Number(values['nas-tracks']);
  const exported = join(WORK, `lib-${tracks}`);
  await library(exported, tracks, 2);
  const mount = join(WORK, 'nas-mnt');
  const nas = new Nas(join(WORK, 'nas-state'));
  const rtt = 4;
  const mbit = 200;
  const ours: { full: number; noop: number }[] = [];
  const mpd: PeerResult[] = [];
  try {
    for (let run = 0; run < Math.min(RUNS, 2); run++) {
      nas.up(exported, mount, rtt, mbit);
      const { core, full, noop } = await importAndRescan(mount, join(WORK, 'db-nas'), 3);
      await core.stop();
      ours.push({ full: full.wallMs, noop: median(noop.map((m) => m.wallMs)) });
      console.error(`nas run ${run + 1}: full ${seconds(full.wallMs)}, no-op ${seconds(ours.at(-1)!.noop)}`);
      if (peersPresent) {
        nas.up(exported, mount, rtt, mbit);
        mpd.push(runMpd(mount));
        console.error(`nas run ${run + 1}: mpd ${JSON.stringify(mpd.at(-1))}`);
      }
    }
  } finally {
    nas.down();
  }
  say(
    `### Network share (../shared/nas, sshfs at ${rtt} ms RTT / ${mbit} Mbit): ${tracks.toLocaleString('en')} tracks (medians of ${ours.length} runs, each on a fresh mount)`,
  );
  say();
  mpdTable(ours, mpd, '≤ 0.2 ×', '≤ 0.2 ×');
  say();
}

ensurePackages('ffmpeg', 'mpd', 'mpc', ...(values['skip-nas'] ? [] : ['sshfs', 'openssh-server']));
mkdirSync(WORK, { recursive: true });
say(`Machine: ${machineLine()}`);
say();
if (!values['skip-local']) await local();
if (!values['skip-nas']) await network();
writeFileSync(join(WORK, 'scan-results.md'), `${lines.join('\n')}\n`);
