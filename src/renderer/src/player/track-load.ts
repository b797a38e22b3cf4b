// Fetching and decoding one track through the media URL. A cold start asks for the first
// seconds of the file (one Range request), decodes them to start playing at once, and fetches
// the rest meanwhile for the full decode; a track prepared ahead is fetched whole. Both
// decodes come from the same decoder on the same bytes, so their samples are identical and
// the player can switch from the first to the second without a seam.
import type { TrackRow } from '../../../shared/domain.ts';
import { audioDataOffset } from './audio-offset.ts';
import { contentSpan, prefixHead, readGaplessInfo, type GaplessInfo } from './gapless-info.ts';
import { DECODE_SECONDS_PER_SECOND, PREFIX_TAIL_FRAMES, prefixBytes } from './policy.ts';

export type FailureKind = 'unavailable' | 'unreadable' | 'undecodable' | 'refused' | 'stalled';

export class PlaybackError extends Error {
  readonly kind: FailureKind;
  constructor(kind: FailureKind, message: string) {
    super(message);
    this.name = 'PlaybackError';
    this.kind = kind;
  }
}

/** No audio progress for this long after a start means the track is not going to play. */
export const STALL_SECONDS = 8;

export function failureMessage(track: TrackRow, kind: FailureKind, reason?: string): string {
  const name = `“${track.title}”`;
  switch (kind) {
    case 'unavailable':
      return `Cannot play ${name}: the file is not available (its library folder is offline, or it was moved or deleted).`;
    case 'unreadable':
      return `Cannot play ${name}: the file could not be read.`;
    case 'undecodable':
      return `Cannot play ${name}: ${track.format || 'this format'} cannot be decoded here, or the file is damaged.`;
    case 'refused':
      return `Cannot play ${name}: ${reason ?? 'the media server refused it'}.`;
    case 'stalled':
      return `Cannot play ${name}: no sound came for ${STALL_SECONDS} s (the file may be damaged, or its folder is not answering).`;
  }
}

/** A 415 from the media handler (a format that needs ffmpeg, missing here) says why in its body. */
export async function refusal(track: TrackRow, response: Response): Promise<PlaybackError | null> {
  if (response.status !== 415) return null;
  const reason = (await response.text().catch(() => '')).trim().slice(0, 300);
  return new PlaybackError('refused', failureMessage(track, 'refused', reason || undefined));
}

/** Decoded PCM and where the music lies in it (in frames at the context's rate). */
export interface Decoded {
  buffer: AudioBuffer;
  head: number;
  /** Frames of music that may be played from `head` on. */
  frames: number;
  complete: boolean;
}

// Whether this Chromium trims MP3/AAC priming itself (recent ones do): learned from every full
// decode that had the numbers, so partial decodes are trimmed the same way as full ones.
const decoderTrims = new Map<string, boolean>();

export class TrackLoad {
  readonly track: TrackRow;
  prefix: Decoded | null = null;
  full: Decoded | null = null;
  error: PlaybackError | null = null;
  size: number | null = null;
  received = 0;
  /** A cold load decodes the first part before the rest: until then, waiting is expected. */
  partialComing: boolean;

  private readonly ctx: BaseAudioContext;
  private readonly url: string;
  private readonly abortController = new AbortController();
  private readonly listeners = new Set<() => void>();
  private readonly startedAt = performance.now();
  private info: GaplessInfo | null = null;

  constructor(track: TrackRow, ctx: BaseAudioContext, url: string, mode: 'cold' | 'ahead') {
    this.track = track;
    this.ctx = ctx;
    this.url = url;
    this.partialComing = mode === 'cold';
    const work = mode === 'cold' ? this.loadCold() : this.loadWhole();
    work.catch((err: unknown) => {
      if (this.abortController.signal.aborted) return;
      // A body cut off mid-way rejects with a bare "network error": say what it means here.
      this.error =
        err instanceof PlaybackError ? err : new PlaybackError('unreadable', failureMessage(track, 'unreadable'));
      this.changed();
    });
  }

  get settled(): boolean {
    return this.full !== null || this.error !== null;
  }

  /** Called on every step: head fetched, partial decode, bytes arriving, full decode, failure. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  abort(): void {
    this.abortController.abort();
    this.listeners.clear();
  }

  /**
   * Seconds until the full decode is likely ready, from the bytes still to come at the pace so
   * far; null until there is a pace to go by.
   */
  expectedWait(): number | null {
    if (this.full) return 0;
    if (this.error) return Infinity;
    const elapsed = (performance.now() - this.startedAt) / 1000;
    if (this.size === null || this.received === 0 || elapsed <= 0) return null;
    const decode = (this.track.durationS ?? 300) * DECODE_SECONDS_PER_SECOND;
    return (this.size - this.received) / (this.received / elapsed) + decode;
  }

  /** The decoded audio that covers `frame` (of the music) with `ahead` frames to spare, if any. */
  covering(frame: number, ahead = 0): Decoded | null {
    if (this.full) return frame < this.full.frames ? this.full : null;
    if (this.prefix && frame + ahead < this.prefix.frames) return this.prefix;
    return null;
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private async request(range: [number, number] | null): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        headers: range ? { Range: `bytes=${range[0]}-${range[1]}` } : {},
        signal: this.abortController.signal,
        cache: 'no-store',
      });
    } catch (err) {
      if (this.abortController.signal.aborted) throw err;
      throw new PlaybackError('unreadable', failureMessage(this.track, 'unreadable'));
    }
    if (response.status === 404 || response.status === 403 || response.status === 410) {
      throw new PlaybackError('unavailable', failureMessage(this.track, 'unavailable'));
    }
    const refused = await refusal(this.track, response);
    if (refused) throw refused;
    if (!response.ok) throw new PlaybackError('unreadable', failureMessage(this.track, 'unreadable'));
    return response;
  }

  /** Reads a body into `into` from `offset` on, counting bytes as they arrive. */
  private async readInto(response: Response, into: Uint8Array | null, offset: number): Promise<Uint8Array> {
    const reader = response.body!.getReader();
    const parts: Uint8Array[] = [];
    let at = offset;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (into && at + value.length <= into.length) into.set(value, at);
      else parts.push(value);
      at += value.length;
      this.received += value.length;
      this.changed();
    }
    if (into) return into;
    const whole = new Uint8Array(at - offset);
    let position = 0;
    for (const part of parts) {
      whole.set(part, position);
      position += part.length;
    }
    return whole;
  }

  private async decode(bytes: Uint8Array, complete: boolean): Promise<Decoded | null> {
    // decodeAudioData takes the buffer over (detaches it): hand it a view that owns its bytes.
    const owned =
      bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
    let buffer: AudioBuffer;
    try {
      buffer = await this.ctx.decodeAudioData(owned.buffer as ArrayBuffer);
    } catch {
      if (!complete) return null;
      throw new PlaybackError('undecodable', failureMessage(this.track, 'undecodable'));
    }
    if (this.abortController.signal.aborted) return null;
    const rate = this.ctx.sampleRate;
    if (complete) {
      const span = contentSpan(this.info, buffer.length, rate, this.track.sampleRate);
      if (this.info?.contentFrames) decoderTrims.set(this.info.codec, span.head === 0);
      return { buffer, head: span.head, frames: span.frames, complete: true };
    }
    const head = prefixHead(this.info, decoderTrims.get(this.info?.codec ?? '') ?? true, rate, this.track.sampleRate);
    const frames = buffer.length - head - PREFIX_TAIL_FRAMES;
    return frames > 0 ? { buffer, head, frames, complete: false } : null;
  }

  private async finish(bytes: Uint8Array): Promise<void> {
    // An MP4 written with its index at the end keeps iTunSMPB there: look at the end too.
    if (!this.info && !/mp3/i.test(this.track.format)) {
      this.info = readGaplessInfo(bytes.subarray(Math.max(0, bytes.length - 1024 * 1024)), this.track.format);
    }
    const full = await this.decode(bytes, true);
    if (!full) return;
    this.full = full;
    this.prefix = null;
    this.changed();
  }

  private async loadWhole(): Promise<void> {
    const response = await this.request(null);
    const length = Number(response.headers.get('content-length'));
    this.size = Number.isFinite(length) && length > 0 ? length : null;
    const bytes = await this.readInto(response, this.size ? new Uint8Array(this.size) : null, 0);
    this.size = bytes.length;
    this.info = readGaplessInfo(bytes, this.track.format);
    await this.finish(bytes);
  }

  private async loadCold(): Promise<void> {
    const wanted = prefixBytes(this.track);
    const first = await this.request([0, wanted - 1]);
    const total = /\/(\d+)$/.exec(first.headers.get('content-range') ?? '')?.[1];
    if (first.status !== 206 || !total) {
      // The whole file came back (small, or a server that ignores ranges).
      this.partialComing = false;
      const bytes = await this.readInto(first, null, 0);
      this.size = bytes.length;
      this.info = readGaplessInfo(bytes, this.track.format);
      return this.finish(bytes);
    }
    this.size = Number(total);
    const all = new Uint8Array(this.size);
    await this.readInto(first, all, 0);
    let headLength = Math.min(wanted, this.size);
    // Tags and cover art before the audio: the first part must reach past them to hold music.
    const audioStart = audioDataOffset(all.subarray(0, headLength));
    if (audioStart + wanted / 2 > headLength && headLength < this.size) {
      const end = Math.min(this.size, audioStart + wanted);
      await this.readInto(await this.request([headLength, end - 1]), all, headLength);
      headLength = end;
    }
    this.info = readGaplessInfo(all.subarray(0, headLength), this.track.format);
    const rest = headLength < this.size ? this.request([headLength, this.size - 1]) : null;
    // Decode the first part while the rest is on its way; it may fail (an MP4 with its index
    // at the end cannot be decoded in part), and then the full decode is what plays.
    const prefix = await this.decode(all.slice(0, headLength), false);
    this.partialComing = false;
    if (prefix && !this.full && !this.abortController.signal.aborted) this.prefix = prefix;
    this.changed();
    if (rest) await this.readInto(await rest, all, headLength);
    await this.finish(all);
  }
}
