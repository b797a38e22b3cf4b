import type { TagSource } from './types.ts';
import { encodeComments, flacPicture, vorbisFields } from './vorbiscomment.ts';

// Pages end once their body reaches this size, as libogg's ogg_stream_pageout does,
// so a comment packet with a cover spans several pages and the audio pages after it
// must be renumbered: the generated files exercise that path in readers.
const PAGE_FILL = 4096;
const CONTINUED = 0x01;

export interface OggTemplate {
  kind: 'vorbis' | 'opus';
  serial: number;
  /** Page 0 (identification header), kept byte for byte. */
  identPage: Buffer;
  vendor: string;
  /** Vorbis only: the setup header, which shares the comment header's pages. */
  setup: Buffer | null;
  /** Every page after the headers, as the template numbered them. */
  audio: Buffer;
  audioFirstSeq: number;
  /** Audio pages renumbered to start at a given sequence number; few distinct keys occur. */
  renumbered: Map<number, Buffer>;
}

interface Page {
  end: number;
  seq: number;
  serial: number;
  lacing: Buffer;
  bodyStart: number;
}

export function parseOggTemplate(file: Buffer, kind: 'vorbis' | 'opus'): OggTemplate {
  const headerCount = kind === 'vorbis' ? 3 : 2;
  const packets: Buffer[] = [];
  let pending: Buffer[] = [];
  let o = 0;
  let first: Page | null = null;
  while (packets.length < headerCount) {
    const page = readPage(file, o);
    first ??= page;
    let b = page.bodyStart;
    for (const lace of page.lacing) {
      pending.push(file.subarray(b, b + lace));
      b += lace;
      if (lace < 255) {
        packets.push(Buffer.concat(pending));
        pending = [];
      }
    }
    o = page.end;
  }
  if (pending.length > 0) throw new Error('ogg template: audio does not start on a fresh page');
  const [ident, comment, setup] = packets;
  if (!first || !ident || !comment || first.end !== ident.length + first.bodyStart) {
    throw new Error('ogg template: identification header is not alone on page 0');
  }
  const magic = kind === 'vorbis' ? '\x03vorbis' : 'OpusTags';
  if (comment.toString('latin1', 0, magic.length) !== magic) throw new Error(`ogg template: no ${magic} packet`);
  const vendorLength = comment.readUInt32LE(magic.length);
  const vendorStart = magic.length + 4;
  const audioFirst = readPage(file, o);
  return {
    kind,
    serial: first.serial,
    identPage: file.subarray(0, first.end),
    vendor: comment.toString('utf8', vendorStart, vendorStart + vendorLength),
    setup: kind === 'vorbis' ? (setup ?? null) : null,
    audio: file.subarray(o),
    audioFirstSeq: audioFirst.seq,
    renumbered: new Map(),
  };
}

export function buildOgg(tpl: OggTemplate, t: TagSource): Buffer[] {
  const fields = vorbisFields(t);
  if (t.cover) fields.push(`METADATA_BLOCK_PICTURE=${flacPicture(t.cover).toString('base64')}`);
  const body = encodeComments(tpl.vendor, fields);
  const packets =
    tpl.kind === 'vorbis'
      ? // The framing bit after the comments is part of the Vorbis packet, not of Ogg.
        [Buffer.concat([Buffer.from('\x03vorbis', 'latin1'), body, Buffer.of(1)]), tpl.setup!]
      : [Buffer.concat([Buffer.from('OpusTags', 'latin1'), body])];
  const headerPages = paginate(packets, tpl.serial, 1);
  return [tpl.identPage, ...headerPages, audioFrom(tpl, 1 + headerPages.length)];
}

/** Lays packets out on pages from sequence number `seq`, the last packet ending its page. */
function paginate(packets: readonly Buffer[], serial: number, seq: number): Buffer[] {
  // One lacing run per packet; a length that is a multiple of 255 ends with a 0.
  const laces: { value: number; endsPacket: boolean }[] = [];
  for (const p of packets) {
    for (let n = p.length; ; n -= 255) {
      laces.push({ value: Math.min(n, 255), endsPacket: n < 255 });
      if (n < 255) break;
    }
  }
  const data = Buffer.concat(packets);
  const pages: Buffer[] = [];
  let dataPos = 0;
  let i = 0;
  let continued = false;
  while (i < laces.length) {
    const pageLaces: number[] = [];
    let bodyLength = 0;
    let packetEnds = false;
    while (i < laces.length && pageLaces.length < 255 && bodyLength < PAGE_FILL) {
      const lace = laces[i++]!;
      pageLaces.push(lace.value);
      bodyLength += lace.value;
      packetEnds ||= lace.endsPacket;
    }
    const header = Buffer.alloc(27 + pageLaces.length);
    header.write('OggS', 0, 'latin1');
    header[5] = continued ? CONTINUED : 0;
    // Header pages have granule 0; a page on which no packet ends has none (-1).
    header.writeBigInt64LE(packetEnds ? 0n : -1n, 6);
    header.writeUInt32LE(serial, 14);
    header.writeUInt32LE(seq++, 18);
    header[26] = pageLaces.length;
    Buffer.from(pageLaces).copy(header, 27);
    const page = Buffer.concat([header, data.subarray(dataPos, dataPos + bodyLength)]);
    dataPos += bodyLength;
    page.writeUInt32LE(oggCrc(page), 22);
    pages.push(page);
    continued = laces[i - 1]!.value === 255;
  }
  return pages;
}

function audioFrom(tpl: OggTemplate, firstSeq: number): Buffer {
  if (firstSeq === tpl.audioFirstSeq) return tpl.audio;
  let out = tpl.renumbered.get(firstSeq);
  if (!out) {
    out = Buffer.from(tpl.audio);
    for (let o = 0, seq = firstSeq; o < out.length; seq++) {
      const page = readPage(out, o);
      out.writeUInt32LE(seq, o + 18);
      out.writeUInt32LE(0, o + 22);
      out.writeUInt32LE(oggCrc(out.subarray(o, page.end)), o + 22);
      o = page.end;
    }
    tpl.renumbered.set(firstSeq, out);
  }
  return out;
}

function readPage(buf: Buffer, start: number): Page {
  if (buf.toString('latin1', start, start + 4) !== 'OggS') throw new Error(`ogg: no page at ${start}`);
  const count = buf[start + 26]!;
  const lacing = buf.subarray(start + 27, start + 27 + count);
  const bodyStart = start + 27 + count;
  let end = bodyStart;
  for (const lace of lacing) end += lace;
  if (end > buf.length) throw new Error(`ogg: truncated page at ${start}`);
  return {
    end,
    seq: buf.readUInt32LE(start + 18),
    serial: buf.readUInt32LE(start + 14),
    lacing,
    bodyStart,
  };
}

// Ogg's CRC-32: polynomial 0x04C11DB7, MSB first (no reflection), initial value 0,
// no final XOR, computed with the page's CRC field set to zero.
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let bit = 0; bit < 8; bit++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

export function oggCrc(page: Uint8Array): number {
  let crc = 0;
  for (let i = 0; i < page.length; i++) {
    crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ page[i]!) & 0xff]!;
  }
  return crc >>> 0;
}
