// Formats Chromium cannot decode (WMA, WavPack, AIFF), served by the media handler as WAV from
// ffmpeg: a fixed length, byte ranges that land on the right samples, no ffmpeg left running
// after a request ends or is abandoned, and a clear refusal where ffmpeg is missing.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core.ts';
import { MediaRouter } from '../../src/main/core/media/router.ts';
import { liveTranscodes } from '../../src/main/core/media/transcode.ts';
import { hasFfmpeg, makeAudioFile } from '../support/audio.ts';
import { testCore } from '../support/core.ts';
import { tempDir } from '../support/temp.ts';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The same samples as ffmpeg decodes them in one run, to compare ranges against. */
const decodeWhole = (path: string) =>
  new Uint8Array(
    execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-f', 's16le', '-c:a', 'pcm_s16le', 'pipe:1'], {
      maxBuffer: 1 << 28,
    }),
  );

describe.skipIf(!hasFfmpeg)('media handler: transcoded formats', () => {
  const dir = tempDir();
  const music = join(dir.path, 'music');
  let core: Core;
  const idOf = new Map<string, number>();
  const get = (id: number, headers: Record<string, string> = {}, signal?: AbortSignal) =>
    core.media.handle(new Request(`http://x/media/${id}`, { headers, signal }), { kind: 'track', id });

  beforeAll(async () => {
    await makeAudioFile(join(music, 'tone.wma'), 'wma', { title: 'wma' }, 3, 440);
    await makeAudioFile(join(music, 'tone.wv'), 'wv', { title: 'wv' }, 3, 550);
    await makeAudioFile(join(music, 'tone.aiff'), 'aiff', { title: 'aiff' }, 3, 660);
    await makeAudioFile(join(music, 'long.wv'), 'wv', { title: 'long' }, 60, 330);
    await makeAudioFile(join(music, 'tone.flac'), 'flac', { title: 'flac' }, 1);
    // A WMA's header (its duration is in the catalog) and then nothing ffmpeg can decode.
    const header = readFileSync(join(music, 'tone.wma')).subarray(0, 1000);
    writeFileSync(join(music, 'damaged.wma'), Buffer.concat([header, Buffer.alloc(64 * 1024, 0x5a)]));
    core = testCore(join(dir.path, 'catalog.sqlite'));
    await core.addRoot(music);
    await core.scanner.start().done;
    for (const row of core.catalog.tracks.page(0, 100)) idOf.set(row.path.split('/').pop()!, row.id);
  });
  afterAll(async () => {
    await core?.close();
    dir.cleanup();
  });

  it('serves each as a WAV of a fixed length, which Range requests cut exactly', async () => {
    for (const name of ['tone.wma', 'tone.wv', 'tone.aiff']) {
      const whole = await get(idOf.get(name)!);
      expect(whole.status, name).toBe(200);
      expect(whole.headers.get('content-type')).toBe('audio/wav');
      const bytes = new Uint8Array(await whole.arrayBuffer());
      expect(bytes.length).toBe(Number(whole.headers.get('content-length')));
      expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('RIFF');
      // 3 s of 44.1 kHz stereo 16-bit, as the catalog's duration says (± a WMA frame).
      expect(Math.abs(bytes.length - 44 - 3 * 44100 * 4)).toBeLessThan(4096 * 4);

      const range = await get(idOf.get(name)!, { Range: 'bytes=100000-100999' });
      expect(range.status).toBe(206);
      expect(range.headers.get('content-range')).toBe(`bytes 100000-100999/${bytes.length}`);
      expect(new Uint8Array(await range.arrayBuffer())).toEqual(bytes.subarray(100000, 101000));
    }
  });

  it('lands a range far into a track on the samples a whole decode has there', async () => {
    const id = idOf.get('long.wv')!;
    const reference = decodeWhole(join(music, 'long.wv'));
    const at = 44 + 45 * 44100 * 4 + 2; // 45 s in, mid-frame
    const response = await get(id, { Range: `bytes=${at}-${at + 39_999}` });
    expect(response.status).toBe(206);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(reference.subarray(at - 44, at - 44 + 40_000));
  });

  it('leaves no ffmpeg running when the client goes away mid-stream', async () => {
    const abort = new AbortController();
    const response = await get(idOf.get('long.wv')!, {}, abort.signal);
    const reader = response.body!.getReader();
    await reader.read();
    await reader.read();
    const pids = liveTranscodes();
    expect(pids.length).toBeGreaterThan(0);
    abort.abort();
    await reader.cancel().catch(() => {});
    await expect.poll(() => pids.filter(alive), { timeout: 3000 }).toEqual([]);
    expect(liveTranscodes()).toEqual([]);
  });

  it('leaves no ffmpeg running once a range is answered', async () => {
    const response = await get(idOf.get('long.wv')!, { Range: 'bytes=0-99999' });
    await response.arrayBuffer();
    await expect.poll(() => liveTranscodes(), { timeout: 3000 }).toEqual([]);
  });

  it('plays what Chromium decodes as it is', async () => {
    const response = await get(idOf.get('tone.flac')!);
    expect(response.headers.get('content-type')).toBe('audio/flac');
  });

  it('refuses a file ffmpeg cannot decode with why, before any byte of it', async () => {
    const response = await get(idOf.get('damaged.wma')!);
    expect(response.status).toBe(415);
    await expect(response.text()).resolves.toMatch(
      /ffmpeg could not decode this Windows Media Audio V8 file \(it may be damaged\)/,
    );
    await expect.poll(() => liveTranscodes(), { timeout: 3000 }).toEqual([]);
  });

  it('counts the tracks that play only through ffmpeg, for Settings', () => {
    const support = core.media.formatSupport();
    expect(support).toMatchObject({ ffmpeg: true, needFfmpeg: 5 });
    expect(support.formats).toEqual(expect.arrayContaining(['WavPack', 'AIFF', 'Windows Media Audio V8']));
    expect(new MediaRouter(core.catalog, join(dir.path, 'covers'), null, null).formatSupport().ffmpeg).toBe(false);
  });

  it('refuses a format that needs ffmpeg when there is none, and says so', async () => {
    const router = new MediaRouter(core.catalog, join(dir.path, 'covers'), null, null);
    const id = idOf.get('tone.wma')!;
    const response = await router.handle(new Request(`http://x/media/${id}`), { kind: 'track', id });
    expect(response.status).toBe(415);
    await expect(response.text()).resolves.toMatch(/needs ffmpeg, which is not installed/);
  });
});
