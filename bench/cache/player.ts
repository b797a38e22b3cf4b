// A player as the benchmark plays it: asks for bytes from a position, starts once it holds
// half a second of audio, then consumes them at real-time speed while keeping at most a
// couple of seconds buffered (a small buffer on purpose: what keeps playback going through
// an outage must be the cache, not the client). Stalls are the time the playhead waited.
import { open } from 'node:fs/promises';
import { errorMessage } from '../../src/shared/error-text.ts';

export interface PlayResult {
  firstByteMs: number;
  stallMs: number;
  stalls: number;
  bytes: number;
  error: string | null;
}

export interface PlayOptions {
  bytesPerSecond: number;
  seconds: number;
  bufferSeconds?: number;
  /** Called once per 100 ms of play with the elapsed seconds (outages are scheduled from it). */
  onTick?: (elapsed: number) => void;
}

/** Where the bytes come from: the media handler over HTTP, or the mount read directly. */
export interface ByteStream {
  next(): Promise<Uint8Array | null>;
  close(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function httpStream(url: string, start: number): Promise<ByteStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { Range: `bytes=${start}-` }, signal: controller.signal });
  if (response.status !== 206) throw new Error(`HTTP ${response.status} for ${url}`);
  const reader = response.body!.getReader();
  return {
    async next() {
      const { value, done } = await reader.read();
      return done ? null : value;
    },
    close: () => controller.abort(),
  };
}

/** Reads the file on the mount as a player without a cache would: 64 KB at a time, retrying after errors. */
export async function directStream(path: string, start: number): Promise<ByteStream> {
  let position = start;
  let file = await open(path, 'r');
  let closed = false;
  return {
    async next() {
      for (;;) {
        try {
          const bytes = new Uint8Array(64 * 1024);
          const { bytesRead } = await file.read(bytes, 0, bytes.length, position);
          if (bytesRead === 0) return null;
          position += bytesRead;
          return bytes.subarray(0, bytesRead);
        } catch {
          if (closed) return null;
          // The share is away: a player would retry; reopen once it answers again.
          await sleep(250);
          await file.close().catch(() => {});
          file = await open(path, 'r').catch(() => file);
        }
      }
    },
    close() {
      closed = true;
      void file.close().catch(() => {});
    },
  };
}

/** Time to the first byte of a stream, which is then closed. */
export async function firstByte(make: () => Promise<ByteStream>): Promise<number> {
  const started = performance.now();
  const stream = await make();
  await stream.next();
  const ms = performance.now() - started;
  stream.close();
  return ms;
}

export async function play(make: () => Promise<ByteStream>, options: PlayOptions): Promise<PlayResult> {
  const started = performance.now();
  const stream = await make();
  const bufferBytes = options.bytesPerSecond * (options.bufferSeconds ?? 2);
  const startBytes = options.bytesPerSecond * 0.5;
  let received = 0;
  let firstByteMs = -1;
  let ended = false;
  let error: string | null = null;
  let playedBytes = 0;
  let wake: (() => void) | null = null;

  const fill = (async () => {
    try {
      for (;;) {
        while (received - playedBytes >= bufferBytes && !ended) await new Promise<void>((r) => (wake = r));
        if (ended) return;
        const bytes = await stream.next();
        if (!bytes) return;
        if (firstByteMs < 0) firstByteMs = performance.now() - started;
        received += bytes.length;
      }
    } catch (err) {
      error = errorMessage(err);
    }
  })();

  while (received < startBytes && !error) await sleep(5);
  let stallMs = 0;
  let stalls = 0;
  let stalled = false;
  let last = performance.now();
  let elapsed = 0;
  let nextTick = 0;
  while (elapsed < options.seconds && !error) {
    await sleep(20);
    const now = performance.now();
    const dt = (now - last) / 1000;
    last = now;
    const want = options.bytesPerSecond * dt;
    if (received - playedBytes >= want) {
      playedBytes += want;
      elapsed += dt;
      stalled = false;
    } else {
      if (!stalled) stalls++;
      stalled = true;
      stallMs += dt * 1000;
      elapsed += dt;
    }
    (wake as (() => void) | null)?.();
    if (elapsed >= nextTick) {
      options.onTick?.(elapsed);
      nextTick += 0.1;
    }
  }
  ended = true;
  (wake as (() => void) | null)?.();
  stream.close();
  await Promise.race([fill, sleep(1000)]);
  return { firstByteMs, stallMs: Math.round(stallMs), stalls, bytes: received, error };
}
