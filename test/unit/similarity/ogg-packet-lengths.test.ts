import { describe, expect, it } from 'vitest';
import {
  joinDecoded,
  leadingPackets,
  samplesWanted,
} from '../../../src/main/core/similarity/features/decoded-audio.ts';
import { opusPacketSamples } from '../../../src/main/core/similarity/features/opus-stream.ts';

/** An Opus packet's TOC byte: configuration, stereo flag, frame-count code. */
const toc = (config: number, code: number) => (config << 3) | code;

describe('Opus packet lengths (RFC 6716 TOC byte)', () => {
  it('reads the frame length from the configuration: SILK, hybrid and CELT', () => {
    expect(opusPacketSamples(Uint8Array.of(toc(0, 0)))).toBe(480); // SILK NB 10 ms
    expect(opusPacketSamples(Uint8Array.of(toc(11, 0)))).toBe(2880); // SILK WB 60 ms
    expect(opusPacketSamples(Uint8Array.of(toc(13, 0)))).toBe(960); // hybrid SWB 20 ms
    expect(opusPacketSamples(Uint8Array.of(toc(16, 0)))).toBe(120); // CELT NB 2.5 ms
    expect(opusPacketSamples(Uint8Array.of(toc(31, 0)))).toBe(960); // CELT FB 20 ms
  });

  it('multiplies by the frames in the packet: one, two, or as many as code 3 says', () => {
    expect(opusPacketSamples(Uint8Array.of(toc(31, 1), 0))).toBe(1920);
    expect(opusPacketSamples(Uint8Array.of(toc(31, 2), 0))).toBe(1920);
    expect(opusPacketSamples(Uint8Array.of(toc(30, 3), 0x80 | 5))).toBe(5 * 480);
    expect(opusPacketSamples(new Uint8Array(0))).toBe(0);
  });
});

describe('decoding what a snippet needs', () => {
  const packets = [3, 1, 4, 1, 5].map((length) => new Uint8Array(length));
  const lengthOf = (packet: Uint8Array) => packet.length * 100;

  it('keeps the first packets that reach the wanted samples, all when there are too few', () => {
    expect(leadingPackets(packets, lengthOf, 400).map((p) => p.length)).toEqual([3, 1]);
    expect(leadingPackets(packets, lengthOf, 401).map((p) => p.length)).toEqual([3, 1, 4]);
    expect(leadingPackets(packets, lengthOf, 0)).toEqual([]);
    expect(leadingPackets(packets, lengthOf, 10_000)).toHaveLength(5);
    expect(leadingPackets(packets, lengthOf, samplesWanted(undefined, 48000))).toHaveLength(5);
  });

  it('turns seconds into samples, rounding up', () => {
    expect(samplesWanted(1.5, 44100)).toBe(66150);
    expect(samplesWanted(0.00001, 48000)).toBe(1);
  });

  it('joins decoded runs channel by channel', () => {
    const run = (values: number[][]) => ({
      channels: values.map((v) => Float32Array.from(v)),
      samples: values[0]!.length,
      sampleRate: 8000,
    });
    const joined = joinDecoded(
      [
        run([
          [1, 2],
          [3, 4],
        ]),
        run([[5], [6]]),
        run([[], []]),
      ],
      8000,
    );
    expect(joined.samples).toBe(3);
    expect(joined.channels.map((c) => Array.from(c))).toEqual([
      [1, 2, 5],
      [3, 4, 6],
    ]);
    expect(joinDecoded([], 8000)).toEqual({ channels: [], samples: 0, sampleRate: 8000 });
  });
});
