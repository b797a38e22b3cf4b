// A stand-in for similarity/features/ in the job's tests: the same shape, a vector from the
// first second of the audio (its zero crossings, which follow a tone's pitch), so nearer
// tones get nearer vectors. It notes each file it analyses in the file named by
// TONEARM_TEST_ANALYSIS_LOG, and takes TONEARM_TEST_ANALYSIS_DELAY_MS longer, when set.
import { execFile } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const FEATURE_VERSION = 1;
export const VECTOR_DIMS = 8;

export async function analyseFile(path: string, opts: { signal?: AbortSignal } = {}) {
  const started = process.cpuUsage();
  const { stdout } = await run(
    'ffmpeg',
    ['-hide_banner', '-loglevel', 'error', '-i', path, '-t', '1', '-ac', '1', '-ar', '8000', '-f', 'f32le', '-'],
    { encoding: 'buffer', signal: opts.signal, maxBuffer: 1 << 20 },
  );
  const pcm = new Float32Array(stdout.buffer, stdout.byteOffset, Math.floor(stdout.byteLength / 4));
  if (pcm.length === 0) throw new Error('no audio decoded');
  let crossings = 0;
  for (let i = 1; i < pcm.length; i++) if (pcm[i - 1]! < 0 !== pcm[i]! < 0) crossings++;
  const pitch = crossings / 2 / (pcm.length / 8000) / 1000;
  const vector = Float32Array.from({ length: VECTOR_DIMS }, (_, d) => pitch * (1 + d));
  const delay = Number(process.env.TONEARM_TEST_ANALYSIS_DELAY_MS ?? 0);
  if (delay > 0) await sleep(delay, undefined, { signal: opts.signal });
  if (process.env.TONEARM_TEST_ANALYSIS_LOG) appendFileSync(process.env.TONEARM_TEST_ANALYSIS_LOG, `${path}\n`);
  const cpu = process.cpuUsage(started);
  return { vector, excerptStartS: 0, excerptS: pcm.length / 8000, cpuMs: (cpu.user + cpu.system) / 1000 };
}
