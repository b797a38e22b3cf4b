// analyseFile on real encoded files: every format decodes (the wasm decoders for MP3, FLAC,
// Vorbis and Opus, ffmpeg for AAC), the snippets land where they were asked for, only their
// bytes are read, a cancelled analysis stops, and it all runs in a worker thread.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseFile, SNIPPET_S, SNIPPETS, VECTOR_DIMS } from '../../../src/main/core/similarity/features/index.ts';
import { offsetOf } from '../../../src/main/core/similarity/features/layout.ts';
import { ThreadChannel } from '../../../src/main/core/threads/channel.ts';
import { encodeSource, hasFfmpeg, makeAudioFile, type Format } from '../../support/audio.ts';
import { tempDir } from '../../support/temp.ts';
import type { FeaturesThreadApi } from '../../support/threads/features-thread.ts';

const dir = tempDir('tonearm-features-');
afterAll(() => dir.cleanup());

const chromaPeak = (vector: Float32Array) => {
  const chroma = Array.from(vector.subarray(offsetOf('chroma'), offsetOf('chroma') + 12));
  return chroma.indexOf(Math.max(...chroma));
};
const A = 9;
const C = 0;
/** One 20 s excerpt, as earlier versions analysed: it hears one half of the long file alone. */
const SINGLE = { snippets: 1, snippetS: 20 } as const;
const SINGLE_S = 20;

const LONG_S = 240;

/**
 * Four minutes: A (440 Hz) for the first half, C (523.25 Hz) for the second, over noise, so the
 * file has the size of music at its bitrate (a bare tone compresses to almost nothing).
 */
async function makeLongFile(format: Format): Promise<string> {
  const path = join(dir.path, `long.${format}`);
  const rate = format === 'opus' ? 48000 : 22050;
  // Commas inside a filter's option are escaped.
  const expr = `0.4*sin(2*PI*t*if(lt(t\\,${LONG_S / 2})\\,440\\,523.25))+0.1*(random(0)*2-1)`;
  return encodeSource(path, format, `aevalsrc=${expr}:s=${rate}:d=${LONG_S}`);
}

describe.skipIf(!hasFfmpeg)('analyseFile', () => {
  const short: Partial<Record<Format, string>> = {};
  const harmonic: Partial<Record<Format, string>> = {};
  const long: Record<string, string> = {};

  beforeAll(async () => {
    mkdirSync(dir.path, { recursive: true });
    for (const format of ['mp3', 'flac', 'ogg', 'opus', 'm4a'] as const) {
      short[format] = await makeAudioFile(join(dir.path, `tone.${format}`), format, { title: 'Tone' }, 8, 440);
    }
    // Lossy codecs drop white noise they judge inaudible: the formats are compared on a harmonic
    // tone with a tremolo instead (A at 220 Hz and its harmonics).
    for (const format of ['mp3', 'flac', 'ogg', 'opus', 'm4a'] as const) {
      const expr =
        '0.2*(sin(2*PI*220*t)+0.5*sin(2*PI*440*t)+0.3*sin(2*PI*660*t)+0.2*sin(2*PI*880*t))*(0.8+0.2*sin(2*PI*3*t))';
      const rate = format === 'opus' ? 48000 : 44100;
      harmonic[format] = await encodeSource(
        join(dir.path, `harmonic.${format}`),
        format,
        `aevalsrc=${expr}:s=${rate}:d=8`,
      );
    }
    // The byte-range tests are for the wasm formats (ffmpeg seeks in the file itself).
    for (const format of ['mp3', 'ogg', 'opus', 'flac'] as const) long[format] = await makeLongFile(format);
  }, 120_000);

  it.each([
    ['mp3', 'wasm'],
    ['flac', 'wasm'],
    ['ogg', 'wasm'],
    ['opus', 'wasm'],
    ['m4a', 'ffmpeg'],
  ] as const)('decodes %s (%s) into a vector whose chroma peaks at A', async (format, decoder) => {
    const analysed = await analyseFile(short[format]!, { durationS: 8 });
    expect(analysed.decoder).toBe(decoder);
    expect(analysed.vector).toHaveLength(VECTOR_DIMS);
    expect(analysed.vector.every(Number.isFinite)).toBe(true);
    expect(chromaPeak(analysed.vector)).toBe(A);
    expect(analysed.excerptS).toBeGreaterThan(7);
    expect(analysed.cpuMs).toBeGreaterThan(0);
  });

  it('gives the same sound in every format nearly the same vector', async () => {
    const formats = ['flac', 'mp3', 'ogg', 'opus', 'm4a'] as const;
    const vectors = await Promise.all(
      formats.map(async (f) => (await analyseFile(harmonic[f]!, { durationS: 8 })).vector),
    );
    const flac = vectors[0]!;
    const mfcc = offsetOf('mfccMean');
    const centroid = offsetOf('centroid');
    for (const [i, vector] of vectors.entries()) {
      // Lossy coding and two resamplers (ffmpeg's, ours) move the timbre a little, not the pitch.
      for (let d = mfcc; d < mfcc + 12; d++) expect(Math.abs(vector[d]! - flac[d]!), formats[i]).toBeLessThan(0.15);
      expect(Math.abs(vector[centroid]! / flac[centroid]! - 1), formats[i]).toBeLessThan(0.1);
      expect(chromaPeak(vector)).toBe(A);
    }
  });

  it.each(['mp3', 'ogg', 'opus', 'flac'])(
    'reads only the snippets of a long %s file, one range each, spread over the whole track',
    async (format) => {
      const path = long[format]!;
      const handle = await open(path, 'r');
      const { size } = await handle.stat();
      let reads: { offset: number; length: number }[] = [];
      const readRange = async (offset: number, length: number) => {
        const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
        const { bytesRead: got } = await handle.read(buffer, 0, buffer.length, offset);
        reads.push({ offset, length: got });
        return buffer.subarray(0, got);
      };
      const bytesRead = () => reads.reduce((sum, read) => sum + read.length, 0);
      try {
        const spread = await analyseFile(path, { durationS: LONG_S, readRange });
        expect(spread.excerptS).toBeGreaterThan(SNIPPETS * SNIPPET_S * 0.8);
        expect(spread.excerptS).toBeLessThan(SNIPPETS * SNIPPET_S * 1.1);
        expect(spread.excerptStartS).toBeCloseTo(LONG_S / SNIPPETS / 2 - SNIPPET_S / 2, 0);
        // Both halves heard: A and C each take a good share of the pitched energy.
        const chroma = spread.vector.subarray(offsetOf('chroma'), offsetOf('chroma') + 12);
        expect(chroma[A]).toBeGreaterThan(0.25);
        expect(chroma[C]).toBeGreaterThan(0.25);
        // The head, then a range a snippet (an Ogg range twice as long when it began inside a page).
        const audio = reads.filter((read) => read.offset > 20_000);
        expect(audio.length).toBeGreaterThanOrEqual(SNIPPETS);
        expect(Math.min(...audio.map((r) => r.offset))).toBeLessThan(size / SNIPPETS);
        expect(Math.max(...audio.map((r) => r.offset))).toBeGreaterThan(size * (1 - 1.5 / SNIPPETS));
        const snippetShare = (size / LONG_S) * SNIPPET_S;
        for (const read of audio) expect(read.length).toBeLessThan(snippetShare * 3 + 3 * 8192);
        // The snippets' share of the file and the 16 KB head, plus for each snippet its preroll and
        // slack and, in Ogg, the pages skipped to reach one that starts a packet (ffmpeg writes a
        // second a page): at most 2 s more a snippet, and a fraction of the file.
        expect(bytesRead()).toBeLessThan(size * ((SNIPPETS * (SNIPPET_S + 2)) / LONG_S) + 40_000);
        expect(bytesRead()).toBeLessThan(size / 4);

        reads = [];
        const early = await analyseFile(path, { ...SINGLE, durationS: LONG_S, at: 0.25, readRange });
        expect(early.excerptStartS).toBeCloseTo(LONG_S * 0.25 - SINGLE_S / 2, 0);
        expect(early.excerptS).toBeGreaterThan(SINGLE_S - 2);
        expect(chromaPeak(early.vector)).toBe(A);
        expect(bytesRead()).toBeLessThan(size * ((SINGLE_S / LONG_S) * 1.3) + 40_000);
        const late = await analyseFile(path, { ...SINGLE, durationS: LONG_S, at: 0.75, readRange });
        expect(chromaPeak(late.vector)).toBe(C);
        // Without the catalog's duration: the headers' (FLAC), the last page's (Ogg) or a probe's
        // in the middle (MP3); still a fraction of the file, and still spread over it.
        reads = [];
        const unknown = await analyseFile(path, { readRange });
        expect(bytesRead()).toBeLessThan(size / 3);
        expect(unknown.excerptS).toBeGreaterThan(SNIPPETS * SNIPPET_S * 0.8);
        expect(Math.abs(unknown.excerptStartS - spread.excerptStartS)).toBeLessThan(2);
      } finally {
        await handle.close();
      }
    },
    30_000,
  );

  it('decodes snippets with ffmpeg in one process when asked to, where the wasm decoder puts them', async () => {
    const wasm = await analyseFile(long.ogg!, { durationS: LONG_S });
    const ffmpeg = await analyseFile(long.ogg!, { durationS: LONG_S, decoder: 'ffmpeg' });
    expect(ffmpeg.decoder).toBe('ffmpeg');
    expect(ffmpeg.excerptS).toBeCloseTo(wasm.excerptS, 0);
    const chroma = offsetOf('chroma');
    for (const pitch of [A, C])
      expect(Math.abs(ffmpeg.vector[chroma + pitch]! - wasm.vector[chroma + pitch]!)).toBeLessThan(0.1);
  });

  it('keeps analyses running side by side apart (one decoder per format and thread)', async () => {
    const [early, late] = await Promise.all(
      [0.25, 0.75].map((at) => analyseFile(long.ogg!, { ...SINGLE, durationS: LONG_S, at })),
    );
    expect([chromaPeak(early!.vector), chromaPeak(late!.vector)]).toEqual([A, C]);
  });

  it('stops at once when the analysis is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(analyseFile(long.mp3!, { signal: controller.signal })).rejects.toThrow(/abort/i);
    const later = new AbortController();
    const analysis = analyseFile(short.m4a!, { signal: later.signal, durationS: 8 });
    later.abort();
    await expect(analysis).rejects.toThrow(/abort/i);
  });

  it('says so, naming the file, when a file holds no audio behind its headers', async () => {
    const damaged = join(dir.path, 'damaged.flac');
    const noise = new Uint8Array(400_000).map((_, i) => (i * 2654435761) >>> 24);
    writeFileSync(damaged, Buffer.concat([readFileSync(long.flac!).subarray(0, 42), noise]));
    await expect(analyseFile(damaged, { durationS: 60 })).rejects.toThrow(
      /The FLAC decoder found no audio in .*damaged\.flac: the file may be damaged\./,
    );
  });

  it('says no decoder reads a format when ffmpeg is missing', async () => {
    await expect(analyseFile(short.m4a!, { ffmpeg: null, durationS: 8 })).rejects.toThrow(
      /No decoder for the M4A format of .*tone\.m4a.*ffmpeg, which is not installed/,
    );
    // The wasm formats do not need it.
    expect((await analyseFile(short.ogg!, { ffmpeg: null, durationS: 8 })).decoder).toBe('wasm');
  });

  it('runs in a worker thread', async () => {
    const thread = new ThreadChannel<FeaturesThreadApi>(
      new URL('../../support/threads/features-thread.ts', import.meta.url),
    );
    try {
      const results = await Promise.all([
        thread.remote.analyse(long.ogg!, LONG_S, 0.75),
        thread.remote.analyse(short.m4a!, 8, 0.5),
      ]);
      expect(results.map((r) => r.decoder)).toEqual(['wasm', 'ffmpeg']);
      expect(results[0]!.vector).toBeInstanceOf(Float32Array);
      expect(chromaPeak(results[0]!.vector)).toBe(C);
    } finally {
      await thread.dispose();
    }
  });
});
