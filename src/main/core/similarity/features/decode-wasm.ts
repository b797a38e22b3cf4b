// An excerpt decoded by a wasm decoder from a byte range: the range is where the excerpt's
// seconds should lie if the bitrate were even (with a margin for variable bitrates), cut to
// whole Ogg pages where needed, put behind the stream's headers and decoded as a fresh stream.
import type { RangeSource } from './byte-range.ts';
import type { Container } from './containers.ts';
import type { DecodedExcerpt } from './decode-ffmpeg.ts';
import { excerptWindow, type ExcerptPlan } from './excerpt-plan.ts';
import { oggAudioPages } from './ogg-pages.ts';
import { resample, toMono } from './resample.ts';
import { decodeStream, type Decoded } from './wasm-decoders.ts';

/** A variable bitrate may put the excerpt's seconds in more bytes than the average says. */
const MARGIN = 1.25;
const PROBE_BYTES = 96 * 1024;
/**
 * Decoding starts this much before the excerpt and drops it: the first frames after a cut are
 * wrong (MP3's bit reservoir points into bytes not read, Opus and Vorbis overlap with a frame
 * not decoded), and a click there would read as an onset.
 */
const PREROLL_S = 0.3;

export async function decodeWasmExcerpt(
  path: string,
  source: RangeSource,
  container: Container,
  plan: ExcerptPlan,
  sampleRate: number,
  signal?: AbortSignal,
): Promise<DecodedExcerpt> {
  const audioBytes = source.size - container.audioStart;
  const durationS = plan.durationS ?? container.durationS ?? (await probeDuration(path, source, container, audioBytes));
  signal?.throwIfAborted();
  const bytesPerS = audioBytes / durationS;
  const { startS, lengthS } = excerptWindow(plan, durationS);
  const prerollS = Math.min(PREROLL_S, startS);
  const offset = container.audioStart + Math.floor((startS - prerollS) * bytesPerS);
  const body = await source.read(offset, Math.ceil((lengthS * MARGIN + prerollS) * bytesPerS) + 8192);
  signal?.throwIfAborted();
  const decoded = await decode(container, body);
  if (decoded.samples === 0) throw new Error(noAudio(path, container));
  const pcm = resample(toMono(decoded.channels, decoded.samples), decoded.sampleRate, sampleRate);
  const skip = Math.min(Math.round(prerollS * sampleRate), Math.max(0, pcm.length - sampleRate));
  return { pcm: pcm.subarray(skip, skip + Math.floor(lengthS * sampleRate)), sampleRate, startS };
}

function decode(container: Container, body: Uint8Array): Promise<Decoded> {
  const audio =
    container.format === 'vorbis' || container.format === 'opus' ? oggAudioPages(body, container.serial) : body;
  const stream = new Uint8Array(container.prefix.length + audio.length);
  stream.set(container.prefix);
  stream.set(audio, container.prefix.length);
  return decodeStream(container.format, stream);
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
