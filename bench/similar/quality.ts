// `npm run bench:similar:quality`: the feature vectors on real music (the soundtracks fetched by
// ../shared/music-real/fetch into /tmp/music-real, labels.tsv: path<TAB>soundtrack).
// CPU per track; precision@10 of same-soundtrack neighbours against chance; and whether two
// vectors of a track made from disjoint audio are each other's nearest among all tracks' others:
// two sets of snippets interleaved over the track (the product's vector, the issue's test), and,
// for comparison with earlier figures, two single 20 s excerpts at a quarter and three quarters.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseFile } from 'music-metadata';
import {
  analyseFile,
  SNIPPET_S,
  SNIPPETS,
  type AnalyseOptions,
} from '../../src/main/core/similarity/features/index.ts';
import { openRangeSource } from '../../src/main/core/similarity/features/byte-range.ts';
import { errorMessage } from '../../src/shared/error-text.ts';
import { machineLine } from '../support/machine.ts';
import { median, percentile, roundMs } from '../support/stats.ts';
import { evaluate, type Weighting } from './quality-figures.ts';
import { weightsSource, withinTrackWeights } from './learned-weights.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '/tmp/music-real' },
    snippets: { type: 'string', default: String(SNIPPETS) },
    'snippet-s': { type: 'string', default: String(SNIPPET_S) },
    decoder: { type: 'string', default: 'auto' },
    // Prints the weights features/weights.ts ships: learned from every track's snippet-set pairs.
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
const count = Number(values.snippets);
const snippetS = Number(values['snippet-s']);
/** The single excerpt earlier versions analysed, kept for the ¼ / ¾ figure. */
const SINGLE_S = 20;
const base: AnalyseOptions = {
  snippets: count,
  snippetS,
  decoder: values.decoder === 'ffmpeg' ? 'ffmpeg' : 'auto',
};

const cpuMs: number[] = [];
/** The share of each file the product's analysis read (wasm formats; ffmpeg reads by itself). */
const readShare: number[] = [];
const decoders = new Map<string, number>();
const product: Float32Array[] = [];
const snippetPairs: [Float32Array, Float32Array][] = [];
const singlePairs: [Float32Array, Float32Array][] = [];
const labels: string[] = [];
const failures: string[] = [];
const load = loadavg()[0]!.toFixed(1);
for (const [i, track] of tracks.entries()) {
  process.stderr.write(`\r${i + 1}/${tracks.length}`);
  // The catalog knows each track's length; so does this bench, from music-metadata.
  const durationS = (await parseFile(track.path, { duration: true })).format.duration ?? 60;
  // Snippets at phases 1/4 and 3/4 of each share of the track, short enough not to overlap.
  const pairSnippetS = Math.min(snippetS, durationS / (2 * count));
  // Two single excerpts that cannot overlap: a quarter and three quarters in, at most half the track each.
  const singleS = Math.min(SINGLE_S, durationS / 2 - 1);
  const single: AnalyseOptions = { ...base, durationS, snippets: 1, snippetS: singleS };
  try {
    const file = await openRangeSource(track.path);
    let bytesRead = 0;
    const readRange = async (offset: number, length: number) => {
      const bytes = await file.read(offset, length);
      bytesRead += bytes.length;
      return bytes;
    };
    const vector = await analyseFile(track.path, { ...base, durationS, readRange }).finally(() => file.close());
    if (vector.decoder === 'wasm') readShare.push(bytesRead / file.size);
    const setA = await analyseFile(track.path, { ...base, durationS, at: 0.25, snippetS: pairSnippetS });
    const setB = await analyseFile(track.path, { ...base, durationS, at: 0.75, snippetS: pairSnippetS });
    const early = await analyseFile(track.path, { ...single, at: 0.25 });
    const late = await analyseFile(track.path, { ...single, at: 0.75 });
    cpuMs.push(vector.cpuMs);
    decoders.set(vector.decoder, (decoders.get(vector.decoder) ?? 0) + 1);
    product.push(vector.vector);
    snippetPairs.push([setA.vector, setB.vector]);
    singlePairs.push([early.vector, late.vector]);
    labels.push(track.label);
  } catch (error) {
    failures.push(`${track.path}: ${errorMessage(error)}`);
  }
}
process.stderr.write('\n');

console.log(`### ${machineLine()} · load ${load}`);
console.log();
for (const failure of failures) console.log(`Failed: ${failure}`);
console.log(
  `${labels.length} tracks, ${new Set(labels).size} soundtracks; ${count} snippets of ${snippetS} s; decoders: ${[...decoders].map(([d, n]) => `${d} ${n}`).join(', ')}`,
);
console.log(
  `CPU per track (decode + features, ffmpeg's own counted): median ${roundMs(median(cpuMs))} ms, p95 ${roundMs(percentile(cpuMs, 95))} ms`,
);
const percentOf = (share: number) => `${(share * 100).toFixed(1)} %`;
console.log(
  `Bytes read per track, as a share of the file: median ${percentOf(median(readShare))}, p95 ${percentOf(percentile(readShare, 95))}`,
);
console.log();
for (const weighting of ['standardised', 'groups', 'learned'] as Weighting[]) {
  const figures = evaluate({ product, snippetPairs, singlePairs, labels }, weighting);
  console.log(`#### Distance: ${weighting}`);
  console.log();
  console.log('| soundtrack | tracks | precision@10 | chance | snippet sets rank 1 | single ¼ / ¾ rank 1 |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const percent = (share: number) => `${(share * 100).toFixed(0)} %`;
  for (const row of figures.perLabel) {
    console.log(
      `| ${row.label} | ${row.tracks} | ${row.precision.toFixed(2)} | ${row.chance.toFixed(2)} | ${percent(row.snippetRank1)} | ${percent(row.singleRank1)} |`,
    );
  }
  console.log(
    `| **all** | ${labels.length} | **${figures.precision.toFixed(2)}** | ${figures.chance.toFixed(2)} | **${percent(figures.snippetRank1)}** | ${percent(figures.singleRank1)} |`,
  );
  console.log();
  console.log(
    `Snippet sets (phases 1/4 and 3/4): the other set is the nearest for ${percent(figures.snippetRank1)} of vectors, both ways for ${percent(figures.snippetMutual)} of tracks. Single excerpts at 1/4 and 3/4: ${percent(figures.singleRank1)}, both ways ${percent(figures.singleMutual)}.`,
  );
  console.log();
}
if (values['print-weights']) {
  console.log(weightsSource(withinTrackWeights(snippetPairs, [...snippetPairs.keys()]), labels.length));
}
