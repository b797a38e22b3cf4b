// `npm run bench:similar:quality`: the feature vectors on real music (the soundtracks fetched by
// ../shared/music-real/fetch into /tmp/music-real, labels.tsv: path<TAB>soundtrack).
// CPU per track; precision@10 of same-soundtrack neighbours against chance; and whether two
// disjoint excerpts of a track are each other's nearest among all excerpts (at a quarter and
// three quarters, the issue's test; and side by side around the middle).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseFile } from 'music-metadata';
import { analyseFile, EXCERPT_S, type AnalyseOptions } from '../../src/main/core/similarity/features/index.ts';
import { machineLine } from '../support/machine.ts';
import { median, percentile, roundMs } from '../support/stats.ts';
import { evaluate, type Weighting } from './quality-figures.ts';
import { weightsSource, withinTrackWeights } from './learned-weights.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '/tmp/music-real' },
    excerpt: { type: 'string', default: String(EXCERPT_S) },
    decoder: { type: 'string', default: 'auto' },
    // Prints the weights features/weights.ts ships: learned from every track's pairs.
    'print-weights': { type: 'boolean', default: false },
  },
});
const dir = values.dir;
const fetcher = fileURLToPath(new URL('../../../shared/music-real/fetch', import.meta.url));
if (!existsSync(join(dir, 'labels.tsv'))) {
  if (!existsSync(fetcher)) throw new Error(`${dir}/labels.tsv is missing and ${fetcher} is not here to fetch it`);
  execFileSync(fetcher, [dir], { stdio: 'inherit' });
}
const tracks = readFileSync(join(dir, 'labels.tsv'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => {
    const [path, label] = line.split('\t') as [string, string];
    return { path: join(dir, path), label };
  })
  // The fetch script lists a package that brought no files as its glob ("pkg/*").
  .filter((track) => existsSync(track.path));
const excerptS = Number(values.excerpt);
const base: AnalyseOptions = { excerptS, decoder: values.decoder === 'ffmpeg' ? 'ffmpeg' : 'auto' };

const cpuMs: number[] = [];
const decoders = new Map<string, number>();
const centred: Float32Array[] = [];
const pairs: [Float32Array, Float32Array][] = [];
const adjacent: [Float32Array, Float32Array][] = [];
const labels: string[] = [];
const failures: string[] = [];
const load = loadavg()[0]!.toFixed(1);
for (const [i, track] of tracks.entries()) {
  process.stderr.write(`\r${i + 1}/${tracks.length}`);
  // The catalog knows each track's length; so does this bench, from music-metadata.
  const durationS = (await parseFile(track.path, { duration: true })).format.duration ?? undefined;
  // Two excerpts that cannot overlap: a quarter and three quarters in, at most half the track each.
  const pairS = Math.min(excerptS, (durationS ?? 60) / 2 - 1);
  try {
    const middle = await analyseFile(track.path, { ...base, durationS });
    const early = await analyseFile(track.path, { ...base, durationS, at: 0.25, excerptS: pairS });
    const late = await analyseFile(track.path, { ...base, durationS, at: 0.75, excerptS: pairS });
    // A second, easier variant: the same lengths side by side around the middle, one section more often.
    const shift = durationS ? pairS / 2 / durationS : 0.1;
    const before = await analyseFile(track.path, { ...base, durationS, at: 0.5 - shift, excerptS: pairS });
    const after = await analyseFile(track.path, { ...base, durationS, at: 0.5 + shift, excerptS: pairS });
    cpuMs.push(middle.cpuMs);
    decoders.set(middle.decoder, (decoders.get(middle.decoder) ?? 0) + 1);
    centred.push(middle.vector);
    pairs.push([early.vector, late.vector]);
    adjacent.push([before.vector, after.vector]);
    labels.push(track.label);
  } catch (error) {
    failures.push(`${track.path}: ${(error as Error).message}`);
  }
}
process.stderr.write('\n');

console.log(`### ${machineLine()} · load ${load}`);
console.log();
for (const failure of failures) console.log(`Failed: ${failure}`);
console.log(
  `${labels.length} tracks, ${new Set(labels).size} soundtracks; excerpt ${excerptS} s; decoders: ${[...decoders].map(([d, n]) => `${d} ${n}`).join(', ')}`,
);
console.log(
  `CPU per track (decode + features, ffmpeg's own counted): median ${roundMs(median(cpuMs))} ms, p95 ${roundMs(percentile(cpuMs, 95))} ms`,
);
console.log();
for (const weighting of ['standardised', 'groups', 'learned'] as Weighting[]) {
  const figures = evaluate({ centred, pairs, adjacent, labels }, weighting);
  console.log(`#### Distance: ${weighting}`);
  console.log();
  console.log('| soundtrack | tracks | precision@10 | chance |');
  console.log('|---|---:|---:|---:|');
  for (const row of figures.perLabel) {
    console.log(`| ${row.label} | ${row.tracks} | ${row.precision.toFixed(2)} | ${row.chance.toFixed(2)} |`);
  }
  console.log(`| **all** | ${labels.length} | **${figures.precision.toFixed(2)}** | ${figures.chance.toFixed(2)} |`);
  console.log();
  console.log(
    `Excerpt pairs (at 1/4 and 3/4): the other excerpt is the nearest for ${(figures.pairRank1 * 100).toFixed(0)} % of excerpts; both ways for ${(figures.pairMutual * 100).toFixed(0)} % of tracks.`,
  );
  console.log(
    `Adjacent pairs (side by side around the middle): ${(figures.adjacentRank1 * 100).toFixed(0)} % of excerpts; both ways ${(figures.adjacentMutual * 100).toFixed(0)} %.`,
  );
  console.log();
}
if (values['print-weights']) {
  const both = [...pairs, ...adjacent];
  console.log(weightsSource(withinTrackWeights(both, [...both.keys()]), labels.length));
}
