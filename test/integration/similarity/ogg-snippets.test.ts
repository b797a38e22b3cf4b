// The Ogg snippets on ffmpeg-made files (about a second of audio a page): each snippet hears its
// own range and nothing of the one before, and decoding stops at what a snippet needs, giving the
// same samples as decoding its whole range would.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRangeSource } from '../../../src/main/core/similarity/features/byte-range.ts';
import { sniffContainer } from '../../../src/main/core/similarity/features/containers.ts';
import { decodeWasmSnippets } from '../../../src/main/core/similarity/features/decode-wasm.ts';
import { oggAudioPages } from '../../../src/main/core/similarity/features/ogg-pages.ts';
import { decodeParts } from '../../../src/main/core/similarity/features/wasm-decoders.ts';
import { encodeSource, hasFfmpeg } from '../../support/audio.ts';
import { tempDir } from '../../support/temp.ts';

const dir = tempDir('tonearm-ogg-snippets-');
afterAll(() => dir.cleanup());

const RATE = 22050;
const SECTIONS = 16;
const SECTION_S = 15;
/** Section k holds a tone of its own over a little noise, so each snippet has one pitch to hear. */
const toneOf = (section: number) => 300 + 50 * section;

/** The power of `frequency` in `samples` at `rate` (a Goertzel filter). */
function power(samples: Float32Array, frequency: number, rate = RATE): number {
  const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / rate);
  let previous = 0;
  let before = 0;
  for (const sample of samples) {
    const next = sample + coefficient * previous - before;
    before = previous;
    previous = next;
  }
  return previous * previous + before * before - coefficient * previous * before;
}

describe.skipIf(!hasFfmpeg)('Ogg snippets', () => {
  const files: Record<'ogg' | 'opus' | 'stereo', string> = { ogg: '', opus: '', stereo: '' };

  beforeAll(async () => {
    for (const format of ['ogg', 'opus'] as const) {
      const rate = format === 'opus' ? 48000 : 44100;
      const expr = `0.4*sin(2*PI*t*(300+50*floor(t/${SECTION_S})))+0.05*(random(0)*2-1)`;
      const d = SECTIONS * SECTION_S;
      files[format] = await encodeSource(
        join(dir.path, `sections.${format}`),
        format,
        `aevalsrc=${expr}:s=${rate}:d=${d}`,
      );
    }
    // Left 440 Hz at 0.4, right 660 Hz at 0.2.
    files.stereo = await encodeSource(
      join(dir.path, 'stereo.opus'),
      'opus',
      'aevalsrc=0.4*sin(2*PI*440*t)|0.2*sin(2*PI*660*t):s=48000:d=4',
    );
  }, 120_000);

  it.each(['ogg', 'opus'] as const)('each %s snippet hears its own section from start to end', async (format) => {
    const source = await openRangeSource(files[format]);
    try {
      const container = (await sniffContainer(source, false))!;
      const plan = { at: 0.5, count: SECTIONS, seconds: 1.25, durationS: SECTIONS * SECTION_S };
      const { snippets } = await decodeWasmSnippets(files[format], source, container, plan, RATE);
      expect(snippets).toHaveLength(SECTIONS);
      for (const [k, snippet] of snippets.entries()) {
        expect(snippet.length, `snippet ${k}`).toBe(Math.floor(1.25 * RATE));
        // The first and the last quarter second: a snippet that began with the end of the range
        // before it (a page held back by a page parser) would hear section k - 1's tone first.
        for (const part of [snippet.subarray(0, RATE / 4), snippet.subarray(-RATE / 4)]) {
          const own = power(part, toneOf(k));
          if (k > 0) expect(own, `snippet ${k}`).toBeGreaterThan(20 * power(part, toneOf(k - 1)));
          if (k < SECTIONS - 1) expect(own, `snippet ${k}`).toBeGreaterThan(20 * power(part, toneOf(k + 1)));
        }
      }
    } finally {
      await source.close();
    }
  });

  it.each(['ogg', 'opus'] as const)(
    'decodes only the %s packets a snippet needs, the same samples as its whole range',
    async (format) => {
      const source = await openRangeSource(files[format]);
      try {
        const container = (await sniffContainer(source, false))!;
        const parts = await Promise.all(
          [20, 70, 130].map(async (atS) => {
            const bytes = await source.read(Math.floor((source.size * atS) / (SECTIONS * SECTION_S)), 80_000);
            return oggAudioPages(bytes, container.serial);
          }),
        );
        const wantedS = [1.35, 1.35, 1.35];
        const whole = await decodeParts(container.format, container.prefix, parts);
        const needed = await decodeParts(container.format, container.prefix, parts, wantedS);
        for (const [i, part] of needed.entries()) {
          const wanted = Math.ceil(wantedS[i]! * part.sampleRate);
          expect(part.samples).toBeGreaterThanOrEqual(wanted);
          // At most one packet more: 2048-sample long blocks give 1024, Opus 20 ms 960.
          expect(part.samples).toBeLessThanOrEqual(wanted + 1024);
          expect(whole[i]!.samples).toBeGreaterThan(part.samples + part.sampleRate / 2);
          // The first part decodes the same packets from the same state: the same samples. Later
          // ones follow a different last packet of the part before: for Vorbis that is one
          // block's overlap, inside the preroll; Opus converges more slowly (a tone of 0.4).
          const from = i === 0 ? 0 : Math.round(0.1 * part.sampleRate);
          for (const [c, channel] of part.channels.entries()) {
            const reference = whole[i]!.channels[c]!;
            let largest = 0;
            for (let s = from; s < wanted; s++) largest = Math.max(largest, Math.abs(channel[s]! - reference[s]!));
            expect(largest, `part ${i} channel ${c}`).toBeLessThan(i === 0 || format === 'ogg' ? 1e-6 : 0.02);
          }
        }
      } finally {
        await source.close();
      }
    },
  );

  it('decodes a stereo Opus stream as one channel, the mean of the two', async () => {
    const source = await openRangeSource(files.stereo);
    try {
      const container = (await sniffContainer(source, false))!;
      const [decoded] = await decodeParts('opus', container.prefix, [
        await source.read(container.audioStart, source.size),
      ]);
      expect(decoded!.channels).toHaveLength(1);
      const second = decoded!.channels[0]!.subarray(48000, 96000);
      const amplitude = (frequency: number) => (2 * Math.sqrt(power(second, frequency, 48000))) / second.length;
      // Not the left channel alone, nor their sum.
      expect(Math.abs(amplitude(440) / 0.2 - 1)).toBeLessThan(0.05);
      expect(Math.abs(amplitude(660) / 0.1 - 1)).toBeLessThan(0.05);
    } finally {
      await source.close();
    }
  });
});
