// Snippets decoded by a wasm decoder, each from its own byte range: the range is where the
// snippet's seconds should lie if the bitrate were even, cut to whole Ogg pages where needed;
// a file's ranges go behind the stream's headers and are decoded one after another as one
// stream (decodeParts), each giving its snippet.
import { concatBytes, type RangeSource } from './byte-range.ts';
import type { Container } from './containers.ts';
import type { DecodedSnippets } from './decode-ffmpeg.ts';
import { snippetWindows, type ExcerptPlan, type SnippetWindow } from './excerpt-plan.ts';
import { oggAudioPages } from './ogg-pages.ts';
import { resample, toMono } from './resample.ts';
import { decodeParts, type Decoded } from './wasm-decoders.ts';

/**
 * Read past a snippet's share at the average bitrate: a frame cut at the range's end (FLAC's
 * are ≈ 0.1 s). A variable bitrate makes a snippet a little shorter or longer than asked;
 * pooled over sixteen that evens out, and every byte read is decoded, so no wider margin.
 */
const SLACK_S = 0.15;
const MIN_SLACK_BYTES = 2048;
const PROBE_BYTES = 96 * 1024;
/** A snippet's range grows no further than this (16 of the largest Ogg pages). */
const MAX_READ = 16 * 65_307;
/**
 * Decoding starts this much before each snippet and drops it: the first frames after a cut are
 * wrong (MP3's bit reservoir points into a frame or two not read, Vorbis overlaps with a packet
 * not decoded, Opus needs 80 ms to converge), and a click there would read as an onset.
 */
const PREROLL_S = 0.1;
/** A part decodes this much past its snippet's end, so the resampled snippet is never a sample short. */
const RESAMPLE_MARGIN_S = 0.005;

export async function decodeWasmSnippets(
  path: string,
  source: RangeSource,
  container: Container,
  plan: ExcerptPlan,
  sampleRate: number,
  signal?: AbortSignal,
): Promise<DecodedSnippets> {
  const audioBytes = source.size - container.audioStart;
  const durationS = plan.durationS ?? container.durationS ?? (await probeDuration(path, source, container, audioBytes));
  signal?.throwIfAborted();
  const windows = snippetWindows(plan, durationS);
  // On a network share every read is a round trip: the ranges are asked for all at once, so a
  // file costs about one round trip for its snippets rather than sixteen.
  const parts = await Promise.all(windows.map((window) => readPart(source, container, window, audioBytes / durationS)));
  signal?.throwIfAborted();
  const wantedS = windows.map((window) => prerollOf(window) + window.lengthS + RESAMPLE_MARGIN_S);
  const decoded = await decodeParts(container.format, container.prefix, parts, wantedS);
  signal?.throwIfAborted();
  const snippets = decoded.map((part, i) => {
    if (part.samples === 0) return new Float32Array(0);
    const pcm = resample(toMono(part.channels, part.samples), part.sampleRate, sampleRate);
    const wanted = Math.floor(windows[i]!.lengthS * sampleRate);
    // The preroll always goes (it may hold the jump from the range before); at a bitrate above
    // the average, the snippet comes out a little short instead.
    const skip = Math.min(pcm.length, Math.round(prerollOf(windows[i]!) * sampleRate));
    return pcm.subarray(skip, skip + wanted);
  });
  if (snippets.every((snippet) => snippet.length === 0)) throw new Error(noAudio(path, container));
  return { snippets, startS: windows[0]!.startS };
}

const prerollOf = (window: SnippetWindow): number => Math.min(PREROLL_S, window.startS);

/**
 * The bytes of one snippet and its preroll: for Ogg, whole pages of the stream. A range that
 * starts inside a long Ogg page (ffmpeg writes a second of audio to a page) holds less audio
 * than its length: the bytes missing are read on from its end, up to MAX_READ or the file's end.
 */
async function readPart(
  source: RangeSource,
  container: Container,
  window: SnippetWindow,
  bytesPerS: number,
): Promise<Uint8Array> {
  const prerollS = prerollOf(window);
  const offset = container.audioStart + Math.floor((window.startS - prerollS) * bytesPerS);
  const needed = Math.ceil((window.lengthS + prerollS) * bytesPerS);
  const slack = Math.max(MIN_SLACK_BYTES, Math.ceil(SLACK_S * bytesPerS));
  let body = await source.read(offset, needed + slack);
  if (container.format !== 'vorbis' && container.format !== 'opus') return body;
  for (;;) {
    const audio = oggAudioPages(body, container.serial);
    const end = offset + body.length;
    if (audio.length >= needed || end >= source.size || body.length >= MAX_READ) return audio;
    body = concatBytes([body, await source.read(end, needed - audio.length + slack)]);
  }
}

/** A range of the file decoded alone, as one fresh stream after the headers. */
async function decode(container: Container, body: Uint8Array): Promise<Decoded> {
  const audio =
    container.format === 'vorbis' || container.format === 'opus' ? oggAudioPages(body, container.serial) : body;
  const [decoded] = await decodeParts(container.format, container.prefix, [audio]);
  return decoded!;
}

/** The length, when neither the catalog nor the headers tell it: the bitrate of a slice of the middle. */
async function probeDuration(
  path: string,
  source: RangeSource,
  container: Container,
  audioBytes: number,
): Promise<number> {
  const length = Math.min(PROBE_BYTES, audioBytes);
  const offset = container.audioStart + Math.max(0, Math.floor(audioBytes / 2 - length / 2));
  const decoded = await decode(container, await source.read(offset, length));
  if (decoded.samples === 0) throw new Error(noAudio(path, container));
  return (audioBytes * decoded.samples) / decoded.sampleRate / length;
}

const FORMAT_NAMES: Record<Container['format'], string> = {
  mp3: 'MP3',
  flac: 'FLAC',
  vorbis: 'Ogg Vorbis',
  opus: 'Ogg Opus',
};

const noAudio = (path: string, container: Container): string =>
  `The ${FORMAT_NAMES[container.format]} decoder found no audio in ${path}: the file may be damaged.`;
