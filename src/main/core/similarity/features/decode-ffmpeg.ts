// Snippets decoded by the system ffmpeg in one process: each snippet is an input of its own with
// input seeking (-ss before -i), which jumps through the container's index or by bisection, so
// only the snippets and a few probes are read; ffmpeg resamples to mono at the analysis rate and
// joins them, and they are cut apart again by their lengths. Used for what the wasm decoders do
// not cover; one process, not one a snippet, because starting ffmpeg costs more than decoding.
import { spawn } from 'node:child_process';
import type { SnippetWindow } from './excerpt-plan.ts';

export interface DecodedSnippets {
  snippets: Float32Array[];
  /** Where the first snippet starts in the track. */
  startS: number;
}

export function decodeWithFfmpeg(
  ffmpeg: string,
  path: string,
  windows: readonly SnippetWindow[],
  sampleRate: number,
  signal?: AbortSignal,
): Promise<DecodedSnippets> {
  const args = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-threads', '1'];
  for (const { startS, lengthS } of windows) {
    if (startS > 0) args.push('-ss', startS.toFixed(3));
    args.push('-t', lengthS.toFixed(3), '-i', path);
  }
  if (windows.length > 1) {
    const inputs = windows.map((_, i) => `[${i}:a:0]`).join('');
    args.push('-filter_complex', `${inputs}concat=n=${windows.length}:v=0:a=1[joined]`, '-map', '[joined]');
  } else {
    args.push('-map', '0:a:0');
  }
  args.push('-ac', '1', '-ar', String(sampleRate), '-f', 'f32le', 'pipe:1');
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
      resolve({ snippets: cutApart(pcm, windows, sampleRate), startS: windows[0]!.startS });
    });
  });
}

/** The joined PCM cut at the snippets' lengths; the last takes what is left. */
function cutApart(pcm: Float32Array, windows: readonly SnippetWindow[], sampleRate: number): Float32Array[] {
  let at = 0;
  return windows.map(({ lengthS }, i) => {
    const end = i === windows.length - 1 ? pcm.length : Math.min(pcm.length, at + Math.round(lengthS * sampleRate));
    const snippet = pcm.subarray(at, end);
    at = end;
    return snippet;
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
