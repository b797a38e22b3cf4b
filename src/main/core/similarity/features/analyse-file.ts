// A track's vector from snippets spread over it (excerpt-plan.ts), each read by its byte range:
// MP3, FLAC, Ogg Vorbis and Ogg Opus by the wasm decoders, from the headers and the snippets'
// bytes alone; everything else by the system ffmpeg when there is one; otherwise a sentence
// saying no decoder reads this format. Runs in any thread (S2 runs it in a worker).
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { findFfmpeg } from '../../media/ffmpeg.ts';
import { analyseSnippets } from './analyse-excerpt.ts';
import { openRangeSource, rememberingReader, type RangeSource, type ReadRange } from './byte-range.ts';
import { sniffContainer } from './containers.ts';
import { cpuMeter } from './cpu-time.ts';
import { decodeWithFfmpeg, probeDuration } from './decode-ffmpeg.ts';
import { decodeWasmSnippets } from './decode-wasm.ts';
import { SNIPPET_S, SNIPPETS, snippetWindows, type ExcerptPlan } from './excerpt-plan.ts';

export const ANALYSIS_RATE = 22050;
export { SNIPPET_S, SNIPPETS };

export interface AnalyseOptions {
  signal?: AbortSignal;
  /**
   * Reads bytes of the file (a network share's cache); by default the file is opened and read.
   * Used for the wasm formats; ffmpeg, for the rest, reads the file by its path itself.
   */
  readRange?: ReadRange;
  /** The track's length from the catalog: saves a probe and places the snippets exactly. */
  durationS?: number;
  /** Where each snippet is centred in its share of the track (ExcerptPlan.at; 0.5 by default). */
  at?: number;
  /** How many snippets, and how long each (SNIPPETS of SNIPPET_S by default). */
  snippets?: number;
  snippetS?: number;
  /** The ffmpeg binary, null for none; looked up on PATH by default. */
  ffmpeg?: string | null;
  /** 'ffmpeg' decodes every format with ffmpeg (the benchmark compares the two that way). */
  decoder?: 'auto' | 'ffmpeg';
}

export interface AnalysedVector {
  vector: Float32Array;
  /** Where the first snippet starts. */
  excerptStartS: number;
  /** The seconds analysed, all snippets together. */
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
  const plan: ExcerptPlan = {
    at: opts.at ?? 0.5,
    count: opts.snippets ?? SNIPPETS,
    seconds: opts.snippetS ?? SNIPPET_S,
    durationS,
  };
  const source = await rangeSource(path, opts.readRange);
  let decoded;
  let decoder: AnalysedVector['decoder'] = 'wasm';
  try {
    const container = opts.decoder === 'ffmpeg' ? null : await sniffContainer(source, plan.durationS === undefined);
    opts.signal?.throwIfAborted();
    if (container) {
      decoded = await decodeWasmSnippets(path, source, container, plan, ANALYSIS_RATE, opts.signal);
    } else {
      const ffmpeg = opts.ffmpeg !== undefined ? opts.ffmpeg : (ffmpegOnPath ??= findFfmpeg());
      if (!ffmpeg) throw new Error(noDecoder(path));
      decoder = 'ffmpeg';
      const trackS = plan.durationS ?? (await probeDuration(ffmpeg, path, opts.signal));
      decoded = await decodeWithFfmpeg(ffmpeg, path, snippetWindows(plan, trackS), ANALYSIS_RATE, opts.signal);
    }
  } finally {
    await source.close();
  }
  opts.signal?.throwIfAborted();
  const samples = decoded.snippets.reduce((sum, snippet) => sum + snippet.length, 0);
  if (samples < ANALYSIS_RATE) throw new Error(`${path} has less than a second of audio to analyse`);
  const vector = analyseSnippets(decoded.snippets, ANALYSIS_RATE);
  return {
    vector,
    excerptStartS: decoded.startS,
    excerptS: samples / ANALYSIS_RATE,
    cpuMs: meter(),
    decoder,
  };
}

/** The file's bytes, each fetched once however the head and the snippets' ranges overlap. */
async function rangeSource(path: string, readRange: ReadRange | undefined): Promise<RangeSource> {
  if (!readRange) {
    const file = await openRangeSource(path);
    return { ...file, read: rememberingReader(file.read) };
  }
  const { size } = await stat(path);
  return { size, read: rememberingReader(readRange), close: async () => {} };
}

const noDecoder = (path: string): string => {
  const ext = extname(path).slice(1).toUpperCase() || 'this';
  return `No decoder for the ${ext} format of ${path}: Tonearm analyses MP3, FLAC, Ogg Vorbis and Opus itself, and other formats with ffmpeg, which is not installed.`;
};
