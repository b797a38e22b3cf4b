// A track's vector from one excerpt (20 s around the middle by default) read by byte range:
// MP3, FLAC, Ogg Vorbis and Ogg Opus by the wasm decoders, from the headers and the excerpt's
// bytes alone; everything else by the system ffmpeg when there is one; otherwise a sentence
// saying no decoder reads this format. Runs in any thread (S2 runs it in a worker).
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { findFfmpeg } from '../../media/ffmpeg.ts';
import { analyseExcerpt } from './analyse-excerpt.ts';
import { openRangeSource, type RangeSource, type ReadRange } from './byte-range.ts';
import { sniffContainer } from './containers.ts';
import { cpuMeter } from './cpu-time.ts';
import { decodeWithFfmpeg, probeDuration } from './decode-ffmpeg.ts';
import { decodeWasmExcerpt } from './decode-wasm.ts';
import { excerptWindow, type ExcerptPlan } from './excerpt-plan.ts';

export const ANALYSIS_RATE = 22050;
/**
 * 20 s rather than the 30 s research suggests: decoding is most of the cost, and 20 s kept
 * precision@10 on real music while bringing the CPU per track under 0.1 s (docs/benchmarks.md).
 */
export const EXCERPT_S = 20;

export interface AnalyseOptions {
  signal?: AbortSignal;
  /**
   * Reads bytes of the file (a network share's cache); by default the file is opened and read.
   * Used for the wasm formats; ffmpeg, for the rest, reads the file by its path itself.
   */
  readRange?: ReadRange;
  /** The track's length from the catalog: saves a probe and centres the excerpt exactly. */
  durationS?: number;
  /** Where the excerpt is centred, as a fraction of the track (0.5: the middle). */
  at?: number;
  excerptS?: number;
  /** The ffmpeg binary, null for none; looked up on PATH by default. */
  ffmpeg?: string | null;
  /** 'ffmpeg' decodes every format with ffmpeg (the benchmark compares the two that way). */
  decoder?: 'auto' | 'ffmpeg';
}

export interface AnalysedVector {
  vector: Float32Array;
  excerptStartS: number;
  excerptS: number;
  cpuMs: number;
  decoder: 'wasm' | 'ffmpeg';
}

let ffmpegOnPath: string | null | undefined;

export async function analyseFile(path: string, opts: AnalyseOptions = {}): Promise<AnalysedVector> {
  const meter = cpuMeter();
  opts.signal?.throwIfAborted();
  // A length of 0 or less (a catalog row whose length was never read) is no length at all.
  const durationS = opts.durationS !== undefined && opts.durationS > 0 ? opts.durationS : undefined;
  const plan: ExcerptPlan = { at: opts.at ?? 0.5, seconds: opts.excerptS ?? EXCERPT_S, durationS };
  const source = await rangeSource(path, opts.readRange);
  let decoded;
  let decoder: AnalysedVector['decoder'] = 'wasm';
  try {
    const container = opts.decoder === 'ffmpeg' ? null : await sniffContainer(source, plan.durationS === undefined);
    opts.signal?.throwIfAborted();
    if (container) {
      decoded = await decodeWasmExcerpt(path, source, container, plan, ANALYSIS_RATE, opts.signal);
    } else {
      const ffmpeg = opts.ffmpeg !== undefined ? opts.ffmpeg : (ffmpegOnPath ??= findFfmpeg());
      if (!ffmpeg) throw new Error(noDecoder(path));
      decoder = 'ffmpeg';
      const trackS = plan.durationS ?? (await probeDuration(ffmpeg, path, opts.signal));
      const { startS, lengthS } = excerptWindow(plan, trackS);
      decoded = await decodeWithFfmpeg(ffmpeg, path, startS, lengthS, ANALYSIS_RATE, opts.signal);
    }
  } finally {
    await source.close();
  }
  opts.signal?.throwIfAborted();
  if (decoded.pcm.length < ANALYSIS_RATE) throw new Error(`${path} has less than a second of audio to analyse`);
  const vector = analyseExcerpt(decoded.pcm, ANALYSIS_RATE);
  return {
    vector,
    excerptStartS: decoded.startS,
    excerptS: decoded.pcm.length / ANALYSIS_RATE,
    cpuMs: meter(),
    decoder,
  };
}

async function rangeSource(path: string, readRange: ReadRange | undefined): Promise<RangeSource> {
  if (!readRange) return openRangeSource(path);
  const { size } = await stat(path);
  return { size, read: readRange, close: async () => {} };
}

const noDecoder = (path: string): string => {
  const ext = extname(path).slice(1).toUpperCase() || 'this';
  return `No decoder for the ${ext} format of ${path}: Tonearm analyses MP3, FLAC, Ogg Vorbis and Opus itself, and other formats with ffmpeg, which is not installed.`;
};
