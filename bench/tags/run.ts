// What a tag edit of 1,000 local tracks costs: the album field of every track of a generated
// library (MP3, FLAC, M4A, Ogg, Opus) written through the engine as the app writes it (copy
// beside, edit, check, fsync, rename; the catalog following), the main event loop's worst
// stall meanwhile, and the rescan after it (which should parse nothing).
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Core } from '../../src/main/core/core.ts';
import { generateLibrary } from '../library/generate.ts';
import { machineLine } from '../support/machine.ts';
import { median, percentile, seconds } from '../support/stats.ts';

const { values } = parseArgs({
  options: {
    tracks: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    dir: { type: 'string', default: join(tmpdir(), 'tonearm-bench-tags') },
  },
});
const tracks = Number(values.tracks);
const runs = Number(values.runs);
const music = join(values.dir, 'music');
mkdirSync(values.dir, { recursive: true });

console.error(`generating ${tracks} tracks in ${music}…`);
await generateLibrary({ dir: music, tracks, seed: 13, durationS: 4, coverRatio: 0.5 });
const parserEntry = fileURLToPath(new URL('../../src/main/parser/index.ts', import.meta.url));
const core = new Core({
  dbPath: join(values.dir, `catalog-${process.pid}.sqlite`),
  host: 'browser',
  version: 'bench',
  parserEntry,
});
try {
  await core.addRoot(music);
  const imported = await core.scanner.start().done;
  console.error(`imported ${imported.tracks} tracks in ${seconds(imported.durationMs)}`);
  const ids = core.catalog.db.prepare('SELECT id FROM tracks ORDER BY id').pluck().all() as number[];

  const batches: number[] = [];
  const stalls: number[] = [];
  const rescans: number[] = [];
  for (let run = 0; run < runs; run++) {
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const started = performance.now();
    const result = await core.tags.write({ ids, changes: { album: `Bench Album ${run}` } });
    const ms = performance.now() - started;
    loop.disable();
    if (result.written !== ids.length)
      throw new Error(
        `run ${run}: ${result.written} written, ${result.failed.length} failed: ${result.failed[0]?.message}`,
      );
    const rescan = await core.scanner.start().done;
    if (rescan.updated !== 0 || rescan.added !== 0)
      throw new Error(`the rescan parsed ${rescan.updated + rescan.added} files`);
    batches.push(ms);
    stalls.push(loop.max / 1e6);
    rescans.push(rescan.durationMs);
    console.error(
      `run ${run}: ${seconds(ms)} (${(ms / ids.length).toFixed(2)} ms a file), loop stall max ${(loop.max / 1e6).toFixed(0)} ms, rescan ${rescan.durationMs} ms`,
    );
  }
  console.log(machineLine());
  console.log(
    `library: ${ids.length} tracks (mp3 45%, flac 25%, m4a 15%, ogg 8%, opus 7%; 4 s each; half the albums with a cover)`,
  );
  console.log(
    `album of all ${ids.length} tracks: median ${seconds(median(batches))} (${(median(batches) / ids.length).toFixed(2)} ms a file), p95 ${seconds(percentile(batches, 95))}, runs ${batches.map((ms) => seconds(ms)).join(', ')}`,
  );
  console.log(`main event loop: worst stall per run ${stalls.map((ms) => `${Math.round(ms)} ms`).join(', ')}`);
  console.log(`rescan after the edit: median ${Math.round(median(rescans))} ms, 0 files parsed`);
} finally {
  await core.close();
}
