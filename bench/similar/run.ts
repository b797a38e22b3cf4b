// `npm run bench:similar`: the similarity store at 250,000 tracks (vector inserts through the
// writer thread, the memory the loaded vectors take, nearest-neighbour queries, the query
// cache on a radio session played twice) and the analysis job beside the main event loop on a
// generated library. Prints a Markdown table (and writes it to $TONEARM_BENCH_DIR/similar/results.md).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openCatalog } from '../../src/main/core/catalog/index.ts';
import { generateLibrary } from '../library/generate.ts';
import { machineLine } from '../support/machine.ts';
import { catalogPath, ensureCatalog } from '../views/catalog.ts';
import { jobFigures } from './job-figures.ts';
import { storeFigures } from './store-figures.ts';
import { isotropicShape, shapeOf, type Shape } from './vectors.ts';

const { values } = parseArgs({
  options: {
    tracks: { type: 'string', default: '250000' },
    'job-tracks': { type: 'string', default: '2000' },
    'job-seconds': { type: 'string', default: '120' },
    'skip-job': { type: 'boolean', default: false },
    /** A module to analyse with in the job's figures (default: features/, else the tests' stand-in). */
    analyser: { type: 'string' },
    /** Real tracks' vectors as a JSON array of arrays: the shape of the synthetic ones. */
    shape: { type: 'string' },
  },
});
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const PARSER_ENTRY = here('../../src/main/parser/index.ts');
const FEATURES = here('../../src/main/core/similarity/features/index.ts');
const STAND_IN = here('../../test/support/similarity/tone-analyser.ts');
const QUALITY = here('./quality.ts');
const benchDir = process.env.TONEARM_BENCH_DIR ?? '/tmp/tonearm-bench';
const dir = join(benchDir, 'similar');
mkdirSync(dir, { recursive: true });
let shapeSource = '';
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

// The analyser: S1's features when they are in the tree, else the tests' stand-in (then said so).
const realFeatures = existsSync(FEATURES);
const analyser = values.analyser ?? (realFeatures ? undefined : STAND_IN);
const analyserName =
  values.analyser ??
  (realFeatures ? 'similarity/features' : 'the tests’ stand-in (ffmpeg decodes 1 s; features/ not in this tree)');
const features = realFeatures
  ? ((await import(FEATURES)) as { VECTOR_DIMS: number; GROUP_WEIGHTS: Float32Array; FEATURE_VERSION: number })
  : null;
const weights = features ? Array.from(features.GROUP_WEIGHTS) : null;
const shape = await vectorShape(values.shape, features?.VECTOR_DIMS ?? 50);

// The views bench's 250k catalog (built once, cached), copied fresh: the vectors are added to the copy.
const tracks = Number(values.tracks);
const source = catalogPath(join(benchDir, 'views'), tracks);
const built = await ensureCatalog({ dbPath: source, tracks });
if (built.built) console.error(`built the ${tracks}-track catalog in ${Math.round(built.ms / 1000)} s`);
const storePath = join(dir, 'store.sqlite');
for (const suffix of ['', '-wal', '-shm']) rmSync(`${storePath}${suffix}`, { force: true });
copyFileSync(source, storePath);
openCatalog(storePath).close(); // migrates it to the schema with track_vectors

const loadBefore = loadavg()[0]!.toFixed(1);
const store = await storeFigures(storePath, PARSER_ENTRY, shape, weights);

say(`### ${machineLine()}`);
say();
say(`Load average at the start: ${loadBefore} (a shared machine: other work ran beside this).`);
say();
say(
  `**Store** — ${store.tracks.toLocaleString('en')} tracks × ${store.dims} floats, synthetic in 2,000 clusters, ${store.shape === 'real' ? `shaped like ${shapeSource}` : 'isotropic (no real vectors at hand)'}${weights ? ', weighted as features/ weighs them' : ''}:`,
);
say();
say('| figure | value | target |');
say('| --- | --- | --- |');
say(
  `| inserts through the writer thread, batches of ${store.insertBatch} | ${store.insertPerS.toLocaleString('en')} vectors/s | ≥ 10,000/s |`,
);
say(
  `| memory of the loaded vectors: the arrays / heap + external added / RSS added | ${store.memoryMB.held} / ${store.memoryMB.added} / ${store.memoryMB.rss} MB | ≤ 100 MB |`,
);
say(`| first question (loads every vector) | ${store.loadMs} ms | |`);
for (const q of store.knn) {
  say(`| ${q.label}: p50 / p95, wall (CPU) | ${q.p50} / ${q.p95} ms (${q.cpuP50} / ${q.cpuP95} ms) | p95 ≤ 10 ms |`);
}
say(
  `| cache hits, radio session (${store.radio.calls} refills of 5) / the same session replayed | ${store.radio.session} % / ${store.radio.replay} % | ≥ 80 % |`,
);
say();

if (!values['skip-job']) {
  const library = join(benchDir, `lib-${values['job-tracks']}`);
  if (!existsSync(join(library, 'manifest.json')) && !existsSync(library)) {
    await generateLibrary({ dir: library, tracks: Number(values['job-tracks']), seed: 1 });
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `job.sqlite${suffix}`), { force: true });
  const job = await jobFigures({
    library,
    dir,
    parserEntry: PARSER_ENTRY,
    analyser,
    maxSeconds: Number(values['job-seconds']),
  });
  say(`**Analysis job** — ${job.tracks} tracks of the bench library (\`${library}\`), analyser: ${analyserName}:`);
  say();
  say('| figure | value | target |');
  say('| --- | --- | --- |');
  say(`| analysed / failed in ${job.seconds} s | ${job.analysed} / ${job.failed} | |`);
  say(
    `| main event loop delay while it ran: p50 / p99 / max | ${job.loopP50} / ${job.loopP99} / ${job.loopMax} ms | p99 ≤ 20 ms |`,
  );
  say();
}

if (existsSync(QUALITY)) {
  say('**Quality** (bench/similar/quality.ts):');
  say();
  say(execFileSync(process.execPath, [QUALITY], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 }).trim());
} else {
  say(
    '**Quality**: TODO (lead) — bench/similar/quality.ts (helper S1) is not in this tree yet; rerun after the merge.',
  );
}

writeFileSync(join(dir, 'results.md'), `${lines.join('\n')}\n`);

/**
 * Real tracks' vectors to shape the synthetic ones like: a file given, else (once features/ is
 * here) the music-real soundtracks analysed and kept beside the results; else none.
 */
async function vectorShape(file: string | undefined, dims: number): Promise<Shape> {
  // Named by the features' version: vectors of another layout would shape the wrong store.
  const cached = join(dir, `real-vectors-v${features?.FEATURE_VERSION ?? 0}-${dims}.json`);
  const realDir = '/tmp/music-real';
  if (!file && !existsSync(cached) && features && existsSync(join(realDir, 'labels.tsv'))) {
    const { analyseFile } = (await import(FEATURES)) as {
      analyseFile(path: string): Promise<{ vector: Float32Array }>;
    };
    const paths = readFileSync(join(realDir, 'labels.tsv'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => join(realDir, line.split('\t')[0]!))
      .filter((path) => existsSync(path));
    const vectors: number[][] = [];
    for (const path of paths) vectors.push(Array.from((await analyseFile(path)).vector));
    writeFileSync(cached, JSON.stringify(vectors));
  }
  const source = file ?? (existsSync(cached) ? cached : null);
  if (!source) return isotropicShape(dims);
  const vectors = JSON.parse(readFileSync(source, 'utf8')) as number[][];
  shapeSource = `${vectors.length} real tracks' vectors (${source})`;
  return shapeOf(vectors);
}
