// A transcoded track is served as a WAV whose every byte has a known place in time: its size is
// fixed up front from the catalog's duration, rate and channels, so Range requests (the
// player's first-seconds request, the <audio> element's seeks) map to a start time for ffmpeg
// and work as for any file. ffmpeg's output that runs short is padded with silence, past the
// end is cut.

export interface WavLayout {
  rate: number;
  channels: number;
  bits: 16 | 24;
  frames: number;
  /** Header plus data: what Content-Length and Content-Range say. */
  size: number;
}

export const WAV_HEADER_BYTES = 44;
/** Above this, a source is DSD (2.8 MHz and up): it becomes 88.2 kHz PCM, as DSD64 players do. */
const MAX_PCM_RATE = 192_000;
const DSD_PCM_RATE = 88_200;

export interface LayoutInput {
  durationS: number | null;
  sampleRate: number | null;
  channels: number | null;
  bitDepth: number | null;
}

export function wavLayout(input: LayoutInput): WavLayout | null {
  if (!input.durationS || input.durationS <= 0) return null;
  const sourceRate = input.sampleRate ?? 44_100;
  const rate = sourceRate > MAX_PCM_RATE ? DSD_PCM_RATE : sourceRate;
  const channels = Math.min(8, Math.max(1, input.channels ?? 2));
  // 24 bits keep a hi-res or DSD source's resolution; 16 are exact for everything else.
  const bits = (input.bitDepth ?? 16) > 16 || sourceRate > MAX_PCM_RATE ? 24 : 16;
  const frames = Math.round(input.durationS * rate);
  return { rate, channels, bits, frames, size: WAV_HEADER_BYTES + frames * blockAlign({ channels, bits }) };
}

export function blockAlign(layout: Pick<WavLayout, 'channels' | 'bits'>): number {
  return layout.channels * (layout.bits / 8);
}

export function wavHeader(layout: WavLayout): Uint8Array {
  const header = new DataView(new ArrayBuffer(WAV_HEADER_BYTES));
  const ascii = (at: number, text: string) => [...text].forEach((c, i) => header.setUint8(at + i, c.charCodeAt(0)));
  const align = blockAlign(layout);
  ascii(0, 'RIFF');
  header.setUint32(4, layout.size - 8, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  header.setUint32(16, 16, true);
  header.setUint16(20, 1, true);
  header.setUint16(22, layout.channels, true);
  header.setUint32(24, layout.rate, true);
  header.setUint32(28, layout.rate * align, true);
  header.setUint16(32, align, true);
  header.setUint16(34, layout.bits, true);
  ascii(36, 'data');
  header.setUint32(40, layout.size - WAV_HEADER_BYTES, true);
  return new Uint8Array(header.buffer);
}

/** How to produce bytes [start, end] of the WAV: the header's part, and where ffmpeg starts. */
export interface RangePlan {
  header: Uint8Array;
  /** null: the range lies inside the header, no ffmpeg needed. */
  pcm: { startS: number; skipBytes: number; bytes: number } | null;
}

/**
 * A start near the beginning decodes from 0 and drops bytes, so the player's first-seconds
 * request and its request for the rest join on the same samples; a later start asks ffmpeg
 * to seek a second early, because a lossy decoder's first frame after a seek lacks the overlap
 * of the one before it.
 */
export const DECODE_FROM_ZERO_S = 30;
export const SEEK_PREROLL_S = 1;

export function planRange(layout: WavLayout, start: number, end: number): RangePlan {
  const header = wavHeader(layout).subarray(Math.min(start, WAV_HEADER_BYTES), Math.min(end + 1, WAV_HEADER_BYTES));
  if (end < WAV_HEADER_BYTES) return { header, pcm: null };
  const offset = Math.max(start, WAV_HEADER_BYTES) - WAV_HEADER_BYTES;
  const align = blockAlign(layout);
  const frame = Math.floor(offset / align);
  const wantedS = frame / layout.rate;
  const fromFrame = wantedS < DECODE_FROM_ZERO_S ? 0 : Math.max(0, frame - Math.round(SEEK_PREROLL_S * layout.rate));
  return {
    header,
    pcm: {
      startS: fromFrame / layout.rate,
      skipBytes: (frame - fromFrame) * align + (offset % align),
      bytes: end + 1 - Math.max(start, WAV_HEADER_BYTES),
    },
  };
}
