// An excerpt decoded by the system ffmpeg: input seeking (-ss before -i) jumps through the
// container's index or by bisection, so only the excerpt and a few probes are read, and ffmpeg
// resamples to mono at the analysis rate itself. Used for what the wasm decoders do not cover.
import { spawn } from 'node:child_process';

export interface DecodedExcerpt {
  pcm: Float32Array;
  sampleRate: number;
  startS: number;
}

export function decodeWithFfmpeg(
  ffmpeg: string,
  path: string,
  startS: number,
  seconds: number,
  sampleRate: number,
  signal?: AbortSignal,
): Promise<DecodedExcerpt> {
  const args = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-threads', '1'];
  if (startS > 0) args.push('-ss', startS.toFixed(3));
  args.push('-t', seconds.toFixed(3), '-i', path, '-map', '0:a:0', '-ac', '1', '-ar', String(sampleRate));
  args.push('-f', 'f32le', 'pipe:1');
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'], signal });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
      const bytes = Buffer.concat(chunks);
      if (code !== 0 || bytes.length < 4) {
        const why = stderr.trim().split('\n').pop() || `exit code ${code}`;
        return reject(new Error(`ffmpeg could not decode ${path}: ${why}`));
      }
      // Copy into an aligned buffer: a Buffer from concat may start at any byte offset.
      const pcm = new Float32Array(Math.floor(bytes.length / 4));
      new Uint8Array(pcm.buffer).set(bytes.subarray(0, pcm.length * 4));
      resolve({ pcm, sampleRate, startS });
    });
  });
}

/** The track's length as ffmpeg reports it on opening (only when the catalog gave none). */
export function probeDuration(ffmpeg: string, path: string, signal?: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, ['-nostdin', '-hide_banner', '-i', path], {
      stdio: ['ignore', 'ignore', 'pipe'],
      signal,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => {
      if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
      const match = /Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/.exec(stderr);
      if (!match) return reject(new Error(`ffmpeg could not tell the length of ${path}`));
      resolve(Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]));
    });
  });
}
