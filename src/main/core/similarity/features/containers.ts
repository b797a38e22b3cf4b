// Which wasm decoder a file needs, told from its first bytes (never its extension), and what
// must be put in front of a range cut from its middle for that decoder to take it: Ogg's
// header pages, FLAC's STREAMINFO; MPEG audio needs nothing, mpg123 finds the next frame.
import type { RangeSource } from './byte-range.ts';
import { lastGranule, oggHeaderPages } from './ogg-pages.ts';

export type WasmFormat = 'mp3' | 'flac' | 'vorbis' | 'opus';

export interface Container {
  format: WasmFormat;
  /** Bytes to decode before the range: the stream's headers. */
  prefix: Uint8Array;
  /** Where the audio starts: the size of the headers and tags before it. */
  audioStart: number;
  /** Ogg: the logical stream to keep. */
  serial: number;
  /** Known from the headers alone (FLAC's STREAMINFO), else null. */
  durationS: number | null;
}

/** One read for the head: the headers of most files, and the stream's identification. */
const HEAD_BYTES = 16 * 1024;
/** Ogg pages are at most 64 KB: the last one lies within this much of the end. */
const MAX_OGG_PAGE = 65_307;
/** Ogg comment headers can carry cover art: read on, up to this, to reach the first audio page. */
const MAX_OGG_HEADERS = 16 * 1024 * 1024;

const ascii = (bytes: Uint8Array, at: number, text: string): boolean =>
  [...text].every((char, i) => bytes[at + i] === char.charCodeAt(0));

/** The size of a leading ID3v2 tag (FLAC and MP3 files may start with one), else 0. */
function id3Size(head: Uint8Array): number {
  if (!ascii(head, 0, 'ID3') || head.length < 10) return 0;
  const size = ((head[6]! & 0x7f) << 21) | ((head[7]! & 0x7f) << 14) | ((head[8]! & 0x7f) << 7) | (head[9]! & 0x7f);
  return 10 + size + (head[5]! & 0x10 ? 10 : 0);
}

const isMpegAudioSync = (b: Uint8Array, at: number): boolean =>
  b[at] === 0xff && (b[at + 1]! & 0xe0) === 0xe0 && (b[at + 1]! & 0x06) !== 0 && (b[at + 2]! & 0xf0) !== 0xf0;

/** `needDuration`: the caller does not know the track's length (for Ogg it costs a read at the end). */
export async function sniffContainer(source: RangeSource, needDuration: boolean): Promise<Container | null> {
  let head = await source.read(0, HEAD_BYTES);
  const tagEnd = id3Size(head);
  if (tagEnd > 0) {
    if (tagEnd + 64 > source.size) return null;
    head = tagEnd + 64 <= head.length ? head.subarray(tagEnd) : await source.read(tagEnd, HEAD_BYTES);
  }
  if (ascii(head, 0, 'fLaC') && head.length >= 42) return flac(head, tagEnd);
  if (isMpegAudioSync(head, 0)) {
    return { format: 'mp3', prefix: new Uint8Array(0), audioStart: tagEnd, serial: 0, durationS: null };
  }
  if (tagEnd === 0 && ascii(head, 0, 'OggS')) return ogg(source, head, needDuration);
  return null;
}

function flac(head: Uint8Array, at: number): Container {
  // "fLaC" and the STREAMINFO block alone, marked as the last metadata block.
  const prefix = head.slice(0, 42);
  prefix[4] = prefix[4]! | 0x80;
  const info = head.subarray(8, 42);
  const rate = (info[10]! << 12) | (info[11]! << 4) | (info[12]! >> 4);
  const samples = (info[13]! & 0x0f) * 2 ** 32 + new DataView(info.buffer, info.byteOffset).getUint32(14);
  return {
    format: 'flac',
    prefix,
    audioStart: at + 42,
    serial: 0,
    durationS: rate > 0 && samples > 0 ? samples / rate : null,
  };
}

async function ogg(source: RangeSource, firstHead: Uint8Array, needDuration: boolean): Promise<Container | null> {
  const segments = firstHead[26]!;
  const packet = 27 + segments;
  const format: WasmFormat | null = ascii(firstHead, packet, '\x01vorbis')
    ? 'vorbis'
    : ascii(firstHead, packet, 'OpusHead')
      ? 'opus'
      : null;
  if (!format) return null;
  let head = firstHead;
  let headers = oggHeaderPages(head);
  while (!headers && head.length < Math.min(source.size, MAX_OGG_HEADERS)) {
    head = await source.read(0, Math.min(head.length * 4, MAX_OGG_HEADERS));
    headers = oggHeaderPages(head);
  }
  if (!headers) return null;
  const { serial } = headers;
  const view = new DataView(firstHead.buffer, firstHead.byteOffset + packet);
  // Vorbis states its rate; Opus granules count 48 kHz samples, after a pre-skip.
  const [rate, preSkip] = format === 'vorbis' ? [view.getUint32(12, true), 0] : [48000, view.getUint16(10, true)];
  return {
    format,
    prefix: headers.bytes,
    audioStart: headers.bytes.length,
    serial,
    durationS: needDuration ? await oggDuration(source, serial, rate, preSkip) : null,
  };
}

/** The length from the last page's granule position: one small read at the end, as the parser does. */
async function oggDuration(source: RangeSource, serial: number, rate: number, preSkip: number): Promise<number | null> {
  for (const length of [HEAD_BYTES, MAX_OGG_PAGE * 2]) {
    const from = Math.max(0, source.size - length);
    const granule = lastGranule(await source.read(from, source.size - from), serial);
    if (granule !== null && rate > 0) return Math.max(0, Number(granule) - preSkip) / rate;
    if (from === 0) break;
  }
  return null;
}
