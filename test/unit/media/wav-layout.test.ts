// The WAV a transcoded track is served as: its size from the catalog, and each byte range
// mapped to where ffmpeg starts and how much it drops.
import { describe, expect, it } from 'vitest';
import {
  DECODE_FROM_ZERO_S,
  planRange,
  SEEK_PREROLL_S,
  wavHeader,
  wavLayout,
} from '../../../src/main/core/media/wav-layout.ts';

const cd = wavLayout({ durationS: 60, sampleRate: 44100, channels: 2, bitDepth: 16 })!;

describe('wavLayout', () => {
  it('sizes CD audio: 44 bytes of header and 4 bytes a frame', () => {
    expect(cd).toEqual({ rate: 44100, channels: 2, bits: 16, frames: 2_646_000, size: 44 + 2_646_000 * 4 });
  });

  it('keeps 24 bits of a hi-res source and turns DSD into 88.2 kHz', () => {
    expect(wavLayout({ durationS: 1, sampleRate: 96000, channels: 2, bitDepth: 24 })).toMatchObject({
      rate: 96000,
      bits: 24,
      size: 44 + 96000 * 6,
    });
    expect(wavLayout({ durationS: 1, sampleRate: 2_822_400, channels: 2, bitDepth: 1 })).toMatchObject({
      rate: 88200,
      bits: 24,
    });
  });

  it('has no layout without a duration (nothing to size it by)', () => {
    expect(wavLayout({ durationS: null, sampleRate: 44100, channels: 2, bitDepth: 16 })).toBeNull();
  });

  it('writes a header a WAV reader accepts', () => {
    const view = new DataView(wavHeader(cd).buffer);
    const text = (at: number) => String.fromCharCode(...new Uint8Array(view.buffer, at, 4));
    expect([text(0), text(8), text(12), text(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(view.getUint32(4, true)).toBe(cd.size - 8);
    expect(view.getUint32(24, true)).toBe(44100);
    expect(view.getUint16(32, true)).toBe(4);
    expect(view.getUint32(40, true)).toBe(cd.size - 44);
  });
});

describe('planRange', () => {
  it('answers a range inside the header without ffmpeg', () => {
    const plan = planRange(cd, 0, 43);
    expect(plan.header.length).toBe(44);
    expect(plan.pcm).toBeNull();
  });

  it('decodes a start near the beginning from zero and drops the bytes before it', () => {
    const plan = planRange(cd, 10, 44 + 4 * 1000 + 1);
    expect(plan.header.length).toBe(34);
    expect(plan.pcm).toEqual({ startS: 0, skipBytes: 0, bytes: 4 * 1000 + 2 });
    const later = planRange(cd, 44 + 4 * 44100 + 3, 44 + 4 * 44100 + 10);
    expect(later.header.length).toBe(0);
    expect(later.pcm).toEqual({ startS: 0, skipBytes: 4 * 44100 + 3, bytes: 8 });
  });

  it('seeks ffmpeg a second before a later start and drops that second', () => {
    const frame = (DECODE_FROM_ZERO_S + 10) * 44100;
    const plan = planRange(cd, 44 + frame * 4 + 2, cd.size - 1);
    expect(plan.pcm).toEqual({
      startS: DECODE_FROM_ZERO_S + 10 - SEEK_PREROLL_S,
      skipBytes: SEEK_PREROLL_S * 44100 * 4 + 2,
      bytes: cd.size - (44 + frame * 4 + 2),
    });
  });
});
