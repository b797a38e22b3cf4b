// The numbers the player computes: ReplayGain, the play-count rule, encoder delay and padding.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrackRow } from '../../../src/shared/domain.ts';
import { audioDataOffset } from '../../../src/renderer/src/player/audio-offset.ts';
import {
  contentSpan,
  prefixHead,
  readGaplessInfo,
  readITunSmpb,
  readMp3Gapless,
} from '../../../src/renderer/src/player/gapless-info.ts';
import { countsAfter, Listen } from '../../../src/renderer/src/player/listen.ts';
import { pickGain, replayGainFactor } from '../../../src/renderer/src/player/replay-gain.ts';
import { hasFfmpeg } from '../../support/audio.ts';
import { tempDir } from '../../support/temp.ts';

const gains = (
  rgTrackGain: number | null,
  rgTrackPeak: number | null,
  rgAlbumGain: number | null,
  rgAlbumPeak: number | null,
) =>
  ({ rgTrackGain, rgTrackPeak, rgAlbumGain, rgAlbumPeak }) as Pick<
    TrackRow,
    'rgTrackGain' | 'rgTrackPeak' | 'rgAlbumGain' | 'rgAlbumPeak'
  >;

describe('ReplayGain', () => {
  const on = { mode: 'track' as const, preampDb: 0, clippingProtection: true };

  it('is 10^((gain + preamp)/20)', () => {
    expect(replayGainFactor(gains(-6, 0.1, null, null), on)).toBeCloseTo(10 ** (-6 / 20), 10);
    expect(replayGainFactor(gains(-6, 0.1, null, null), { ...on, preampDb: 4 })).toBeCloseTo(10 ** (-2 / 20), 10);
  });

  it('is capped at 1/peak with clipping protection, and not without', () => {
    expect(replayGainFactor(gains(6, 0.9, null, null), on)).toBeCloseTo(1 / 0.9, 10);
    expect(replayGainFactor(gains(6, 0.9, null, null), { ...on, clippingProtection: false })).toBeCloseTo(
      10 ** (6 / 20),
      10,
    );
    expect(replayGainFactor(gains(6, null, null, null), on)).toBeCloseTo(10 ** (6 / 20), 10);
  });

  it('picks track or album gain, falling back to the other, and leaves untagged tracks alone', () => {
    const both = gains(-3, 0.5, -7, 0.8);
    expect(pickGain(both, 'track')).toEqual({ gainDb: -3, peak: 0.5 });
    expect(pickGain(both, 'album')).toEqual({ gainDb: -7, peak: 0.8 });
    expect(pickGain(gains(-3, 0.5, null, null), 'album')).toEqual({ gainDb: -3, peak: 0.5 });
    expect(pickGain(gains(null, null, -7, 0.8), 'track')).toEqual({ gainDb: -7, peak: 0.8 });
    expect(replayGainFactor(both, { ...on, mode: 'off' })).toBe(1);
    expect(replayGainFactor(gains(null, null, null, null), { ...on, preampDb: 6 })).toBe(1);
  });
});

describe('the play-count rule', () => {
  it('counts after half the track or four minutes', () => {
    expect(countsAfter(100)).toBe(50);
    expect(countsAfter(3600)).toBe(240);
    expect(countsAfter(null)).toBe(240);
  });

  it('credits listening, not seeking, and counts once', () => {
    const listen = new Listen(1, 100);
    listen.resetFrom(0);
    let counted = 0;
    for (let t = 0.25; t <= 45; t += 0.25) counted += Number(listen.playedTo(t, 0.25));
    expect(counted).toBe(0);
    // A seek forward by 40 s in a quarter of a second is not 40 s of listening.
    expect(listen.playedTo(85, 0.25)).toBe(false);
    for (let t = 85.25; t <= 90.5; t += 0.25) counted += Number(listen.playedTo(t, 0.25));
    expect(counted).toBe(1);
    expect(listen.playedTo(95, 5)).toBe(false);
  });

  it('counts a track that played to its end', () => {
    const listen = new Listen(2, 4);
    listen.resetFrom(0);
    listen.playedTo(1, 1);
    expect(listen.finished(4)).toBe(true);
    expect(listen.counted).toBe(true);
  });

  it('does not count a track left early', () => {
    const listen = new Listen(3, 300);
    listen.resetFrom(0);
    listen.playedTo(10, 10);
    expect(listen.counted).toBe(false);
    expect(listen.heard).toBeGreaterThan(0);
  });
});

/** A minimal MPEG-1 Layer III frame with a Xing (or Info) header and a LAME extension. */
function lameFrame(frames: number, delay: number, padding: number, id3Bytes = 0): Uint8Array {
  const bytes = new Uint8Array(id3Bytes + 417);
  let at = 0;
  if (id3Bytes > 0) {
    bytes.set([0x49, 0x44, 0x33, 3, 0, 0], 0);
    const size = id3Bytes - 10;
    bytes.set([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f], 6);
    at = id3Bytes;
  }
  bytes.set([0xff, 0xfb, 0x90, 0x00], at); // MPEG-1 Layer III, 128 kb/s, 44.1 kHz, stereo
  const xing = at + 4 + 32;
  bytes.set(
    [...'Info'].map((c) => c.charCodeAt(0)),
    xing,
  );
  bytes.set([0, 0, 0, 0x0f], xing + 4); // frames, bytes, TOC, quality
  bytes.set([(frames >>> 24) & 255, (frames >>> 16) & 255, (frames >>> 8) & 255, frames & 255], xing + 8);
  const lame = xing + 8 + 4 + 4 + 100 + 4;
  bytes.set(
    [...'LAME3.100'].map((c) => c.charCodeAt(0)),
    lame,
  );
  bytes.set([delay >> 4, ((delay & 15) << 4) | (padding >> 8), padding & 255], lame + 21);
  return bytes;
}

describe('encoder delay and padding', () => {
  it('reads the LAME header, after an ID3 tag too', () => {
    for (const id3 of [0, 2048]) {
      const info = readMp3Gapless(lameFrame(100, 576, 1000, id3))!;
      expect(info).toMatchObject({ delay: 576, padding: 1000, sampleRate: 44100, decoderDelay: 529 });
      expect(info.contentFrames).toBe(100 * 1152 - 576 - 1000);
    }
    expect(readMp3Gapless(new Uint8Array(500))).toBeNull();
  });

  it('reads iTunSMPB, in UTF-16 too', () => {
    const text = ' 00000000 00000840 000001CA 00000000003F31F6 00000000 00000000';
    const ascii = new TextEncoder().encode(`----mean....com.apple.iTunes....name....iTunSMPB....data........${text}`);
    expect(readITunSmpb(ascii, 'aac')).toMatchObject({ delay: 0x840, padding: 0x1ca, contentFrames: 0x3f31f6 });
    const utf16 = new Uint8Array(
      [...new TextEncoder().encode('TXXX....iTunSMPB\0')].concat([...text].flatMap((c) => [c.charCodeAt(0), 0])),
    );
    expect(readITunSmpb(utf16, 'mp3')).toMatchObject({ delay: 0x840, padding: 0x1ca, decoderDelay: 529 });
    expect(readGaplessInfo(ascii, 'AAC')).not.toBeNull();
    expect(readGaplessInfo(ascii, 'FLAC')).toBeNull();
  });

  it('trims only what a decoder left in', () => {
    const info = readMp3Gapless(lameFrame(100, 576, 1000))!;
    const music = info.contentFrames!;
    // A decoder that trimmed (recent Chromium): nothing more comes off.
    expect(contentSpan(info, music, 44100, 44100)).toEqual({ head: 0, frames: music });
    // One that did not: the priming (delay + the decoder's own 529) off the front, padding off the end.
    expect(contentSpan(info, 100 * 1152, 44100, 44100)).toEqual({ head: 576 + 529, frames: music });
    // Decoded at 48 kHz: the same, scaled.
    expect(contentSpan(info, Math.round(100 * 1152 * (48000 / 44100)), 48000, null)).toEqual({
      head: Math.round(1105 * (48000 / 44100)),
      frames: Math.round(music * (48000 / 44100)),
    });
    expect(contentSpan(null, 1234, 44100, 44100)).toEqual({ head: 0, frames: 1234 });
    expect(prefixHead(info, true, 44100, null)).toBe(0);
    expect(prefixHead(info, false, 44100, null)).toBe(1105);
  });

  it.skipIf(!hasFfmpeg)('reads what LAME (through ffmpeg) writes: the exact length of the music', () => {
    const dir = tempDir();
    try {
      const path = join(dir.path, 'tone.mp3');
      execFileSync('ffmpeg', [
        ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100'],
        ...['-af', 'atrim=end_sample=100017', '-c:a', 'libmp3lame', '-b:a', '192k', path],
      ]);
      const info = readGaplessInfo(new Uint8Array(readFileSync(path)), 'MP3')!;
      expect(info.contentFrames).toBe(100017);
      expect(info.delay).toBeGreaterThan(0);
    } finally {
      dir.cleanup();
    }
  });
});

describe('where the audio starts', () => {
  it('skips an ID3v2 tag', () => {
    expect(audioDataOffset(lameFrame(1, 0, 0, 4096))).toBe(4096);
    expect(audioDataOffset(new Uint8Array([0xff, 0xfb, 0x90, 0]))).toBe(0);
  });

  it('skips FLAC metadata blocks, a big picture included', () => {
    const blocks = [
      [0x00, 34], // STREAMINFO
      [0x06, 1_500_000], // PICTURE
      [0x84, 100], // VORBIS_COMMENT, last
    ] as const;
    const bytes = new Uint8Array(64);
    bytes.set([...'fLaC'].map((c) => c.charCodeAt(0)));
    bytes.set([blocks[0][0], 0, 0, 34], 4);
    bytes.set([blocks[1][0], (1_500_000 >> 16) & 255, (1_500_000 >> 8) & 255, 1_500_000 & 255], 42);
    // The bytes stop inside the picture: the offset is a lower bound past it.
    expect(audioDataOffset(bytes)).toBe(42 + 4 + 1_500_000);
  });

  it('finds mdat in an MP4 whose index comes first', () => {
    const bytes = new Uint8Array(64);
    const box = (at: number, size: number, type: string) => {
      bytes.set([(size >>> 24) & 255, (size >>> 16) & 255, (size >>> 8) & 255, size & 255], at);
      bytes.set(
        [...type].map((c) => c.charCodeAt(0)),
        at + 4,
      );
    };
    box(0, 24, 'ftyp');
    box(24, 32, 'moov');
    box(56, 1000, 'mdat');
    expect(audioDataOffset(bytes)).toBe(64);
  });
});
