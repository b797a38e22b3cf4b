// Encoder delay and padding, read from the first bytes of a file: the LAME/Xing header of an
// MP3, or an iTunSMPB tag (iTunes AAC in MP4, and MP3s it wrote). A decoder that ignores them
// plays the encoder's priming silence at each join, ≈25–50 ms: the gap gapless playback must not have.

export interface GaplessInfo {
  /** Priming samples the encoder put before the music (at the file's rate). */
  delay: number;
  /** Samples after the music that fill the last frame. */
  padding: number;
  /** The music's length in samples, when the header says; nothing can be trimmed without it. */
  contentFrames: number | null;
  /** What the decoder itself adds in front (529 for MPEG audio), counted from its first output sample. */
  decoderDelay: number;
  sampleRate: number | null;
  codec: 'mp3' | 'aac';
}

const MPEG_RATES: Record<number, number[]> = {
  3: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  0: [11025, 12000, 8000],
};
/** The decoder delay of MPEG Layer III (the hybrid filter bank), as FFmpeg counts it. */
const MP3_DECODER_DELAY = 529;

function id3v2Size(bytes: Uint8Array): number {
  if (bytes.length < 10 || bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0;
  const size = ((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f);
  const footer = (bytes[5]! & 0x10) !== 0 ? 10 : 0;
  return 10 + size + footer;
}

const ascii = (bytes: Uint8Array, at: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(at, at + length));
const u32 = (bytes: Uint8Array, at: number): number =>
  ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!;

/** The Xing/Info header (frame count) and its LAME extension (delay, padding) of the first frame. */
export function readMp3Gapless(bytes: Uint8Array): GaplessInfo | null {
  let at = id3v2Size(bytes);
  // The first frame follows the tag, perhaps after some junk: look for a Layer III frame sync.
  const limit = Math.min(bytes.length - 4, at + 64 * 1024);
  while (at < limit && !(bytes[at] === 0xff && (bytes[at + 1]! & 0xe6) === 0xe2)) at++;
  if (at >= limit) return null;
  const version = (bytes[at + 1]! >> 3) & 3;
  const rateIndex = (bytes[at + 2]! >> 2) & 3;
  const sampleRate = MPEG_RATES[version]?.[rateIndex];
  if (version === 1 || !sampleRate) return null;
  const mono = bytes[at + 3]! >> 6 === 3;
  const sideInfo = version === 3 ? (mono ? 17 : 32) : mono ? 9 : 17;
  const samplesPerFrame = version === 3 ? 1152 : 576;
  const xing = at + 4 + sideInfo;
  if (xing + 120 > bytes.length) return null;
  const tag = ascii(bytes, xing, 4);
  if (tag !== 'Xing' && tag !== 'Info') return null;
  const flags = u32(bytes, xing + 4);
  let field = xing + 8;
  const frames = flags & 1 ? u32(bytes, field) : null;
  if (flags & 1) field += 4;
  if (flags & 2) field += 4;
  if (flags & 4) field += 100;
  if (flags & 8) field += 4;
  // The LAME extension: a 9-byte encoder name, then delay and padding as two 12-bit numbers at +21.
  if (field + 24 > bytes.length || !/^(LAME|Lavc|Lavf|L3.9|GOGO)/.test(ascii(bytes, field, 4))) return null;
  const d = field + 21;
  const delay = (bytes[d]! << 4) | (bytes[d + 1]! >> 4);
  const padding = ((bytes[d + 1]! & 0x0f) << 8) | bytes[d + 2]!;
  return {
    delay,
    padding,
    contentFrames: frames !== null ? frames * samplesPerFrame - delay - padding : null,
    decoderDelay: MP3_DECODER_DELAY,
    sampleRate,
    codec: 'mp3',
  };
}

/**
 * iTunSMPB: " 00000000 DELAY PADDING LENGTH ..." in hex, inside an MP4 `----` atom or an ID3
 * comment. Its place varies, so the tag name is searched for and the numbers read after it.
 */
export function readITunSmpb(bytes: Uint8Array, codec: 'mp3' | 'aac'): GaplessInfo | null {
  const window = bytes.subarray(0, Math.min(bytes.length, 4 * 1024 * 1024));
  const marker = [0x69, 0x54, 0x75, 0x6e, 0x53, 0x4d, 0x50, 0x42]; // "iTunSMPB"
  let from = 0;
  for (;;) {
    const at = window.indexOf(marker[0]!, from);
    if (at < 0) return null;
    if (marker.every((byte, i) => window[at + i] === byte)) {
      // Keep printable characters only: the text may be UTF-16 in an ID3 frame.
      const text = String.fromCharCode(...window.subarray(at + 8, at + 8 + 300).filter((b) => b >= 0x20 && b < 0x7f));
      const numbers = /([0-9A-Fa-f]{8}) ([0-9A-Fa-f]{8}) ([0-9A-Fa-f]{8}) ([0-9A-Fa-f]{16})/.exec(text);
      if (!numbers) return null;
      const delay = parseInt(numbers[2]!, 16);
      const padding = parseInt(numbers[3]!, 16);
      const length = parseInt(numbers[4]!, 16);
      return {
        delay,
        padding,
        contentFrames: length > 0 ? length : null,
        decoderDelay: codec === 'mp3' ? MP3_DECODER_DELAY : 0,
        sampleRate: null,
        codec,
      };
    }
    from = at + 1;
  }
}

/** Whatever the file's first bytes say about its delay and padding; null for formats that carry their own. */
export function readGaplessInfo(bytes: Uint8Array, format: string): GaplessInfo | null {
  const kind = format.toLowerCase();
  if (kind.includes('mp3') || kind.includes('mpeg')) return readITunSmpb(bytes, 'mp3') ?? readMp3Gapless(bytes);
  if (kind.includes('aac') || kind.includes('m4a') || kind.includes('mp4') || kind.includes('alac')) {
    return readITunSmpb(bytes, 'aac');
  }
  return null;
}

/**
 * Where the music is in what the decoder gave back (in frames at the decoding rate). A decoder
 * that already trimmed gives back exactly the music; one that did not gives more, and the
 * surplus up to the priming comes off the front, the rest off the end.
 */
export function contentSpan(
  info: GaplessInfo | null,
  decodedFrames: number,
  decodedRate: number,
  fileRate: number | null,
): { head: number; frames: number } {
  const rate = info?.sampleRate ?? fileRate;
  if (!info || info.contentFrames === null || !rate) return { head: 0, frames: decodedFrames };
  const ratio = decodedRate / rate;
  const expected = Math.round(info.contentFrames * ratio);
  const extra = decodedFrames - expected;
  if (extra <= Math.ceil(2 * ratio)) return { head: 0, frames: decodedFrames };
  const head = Math.min(extra, Math.round((info.delay + info.decoderDelay) * ratio));
  return { head, frames: expected };
}

/** For a decode of only the first part of a file: the front trim, as the full decode will do it. */
export function prefixHead(
  info: GaplessInfo | null,
  decoderTrims: boolean,
  decodedRate: number,
  fileRate: number | null,
): number {
  const rate = info?.sampleRate ?? fileRate;
  if (!info || info.contentFrames === null || !rate || decoderTrims) return 0;
  return Math.round((info.delay + info.decoderDelay) * (decodedRate / rate));
}
