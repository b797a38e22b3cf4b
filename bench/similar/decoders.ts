// `npm run bench:similar:decoders`: CPU per track of analyseFile by format, the wasm decoders
// against the system ffmpeg (both reading the same excerpt and computing the same features),
// on real music transcoded once into each format (cached under $TONEARM_BENCH_DIR/similar).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { analyseFile } from '../../src/main/core/similarity/features/index.ts';
import { machineLine } from '../support/machine.ts';
import { median, percentile, roundMs } from '../support/stats.ts';

const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '/tmp/music-real' },
    tracks: { type: 'string', default: '8' },
    repeats: { type: 'string', default: '2' },
  },
});
const FORMATS: Record<string, string[]> = {
  mp3: ['-c:a', 'libmp3lame', '-b:a', '192k'],
  flac: ['-c:a', 'flac'],
  ogg: ['-c:a', 'libvorbis', '-q:a', '5'],
  opus: ['-c:a', 'libopus', '-b:a', '128k'],
  m4a: ['-c:a', 'aac', '-b:a', '192k'],
};
const LENGTH_S = 180;

const labels = join(values.dir, 'labels.tsv');
if (!existsSync(labels)) throw new Error(`${labels} is missing: run ../shared/music-real/fetch ${values.dir}`);
const sources = readFileSync(labels, 'utf8')
  .split('\n')
  .map((line) => join(values.dir, line.split('\t')[0] ?? ''))
  .filter((path) => path.endsWith('.ogg') && existsSync(path))
  .slice(0, Number(values.tracks));
const out = join(process.env.TONEARM_BENCH_DIR ?? join(tmpdir(), 'tonearm-bench'), 'similar');
mkdirSync(out, { recursive: true });

// Three minutes of each source, stereo at 44.1 kHz (Opus: 48 kHz), in each format.
const files: { format: string; path: string }[] = [];
for (const source of sources) {
  for (const [format, codec] of Object.entries(FORMATS)) {
    const path = join(out, `${basename(source, '.ogg')}.${format}`);
    if (!existsSync(path)) {
      const args = ['-v', 'error', '-y', '-stream_loop', '-1', '-i', source, '-t', String(LENGTH_S)];
      const rate = format === 'opus' ? '48000' : '44100';
      await run('ffmpeg', [...args, '-map', '0:a:0', '-ar', rate, '-ac', '2', ...codec, path]);
    }
    files.push({ format, path });
  }
}

const load = loadavg()[0]!.toFixed(1);
console.log(`### ${machineLine()} · load ${load}`);
console.log();
console.log(
  `${sources.length} tracks × ${LENGTH_S} s, stereo 44.1 kHz (Opus 48 kHz), ${values.repeats} runs each; CPU ms per track (this thread + ffmpeg's)`,
);
console.log();
console.log('| format | wasm median | wasm p95 | ffmpeg median | ffmpeg p95 |');
console.log('|---|---:|---:|---:|---:|');
for (const format of Object.keys(FORMATS)) {
  const figures = { wasm: [] as number[], ffmpeg: [] as number[] };
  for (let r = 0; r < Number(values.repeats); r++) {
    for (const file of files.filter((f) => f.format === format)) {
      const auto = await analyseFile(file.path, { durationS: LENGTH_S });
      figures[auto.decoder].push(auto.cpuMs);
      if (auto.decoder === 'wasm') {
        figures.ffmpeg.push((await analyseFile(file.path, { durationS: LENGTH_S, decoder: 'ffmpeg' })).cpuMs);
      }
    }
  }
  const cell = (xs: number[], p: number) =>
    xs.length ? String(roundMs(p === 50 ? median(xs) : percentile(xs, p))) : '–';
  console.log(
    `| ${format} | ${cell(figures.wasm, 50)} | ${cell(figures.wasm, 95)} | ${cell(figures.ffmpeg, 50)} | ${cell(figures.ffmpeg, 95)} |`,
  );
}
