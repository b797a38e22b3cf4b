import { gainText, peakText, type TagSource } from './types.ts';

export interface Mp4Template {
  /** Everything before moov: ftyp, free, mdat. */
  head: Buffer;
  /** moov's children without any udta ffmpeg may have written. */
  moovChildren: Buffer;
}

/**
 * Requires moov to be the last top-level atom (ffmpeg's default without +faststart):
 * tags can then grow moov without moving mdat, so no stco/co64 offset changes.
 */
export function parseMp4Template(file: Buffer): Mp4Template {
  let moov: { start: number; end: number; header: number } | null = null;
  let sawMdat = false;
  for (const atom of atoms(file, 0, file.length)) {
    if (atom.type === 'mdat') sawMdat = true;
    if (atom.type === 'moov') moov = atom;
  }
  if (!moov || !sawMdat || moov.end !== file.length) {
    throw new Error('m4a template: moov must be the last atom, after mdat');
  }
  const kept: Buffer[] = [];
  for (const child of atoms(file, moov.start + moov.header, moov.end)) {
    if (child.type !== 'udta') kept.push(file.subarray(child.start, child.end));
  }
  return { head: file.subarray(0, moov.start), moovChildren: Buffer.concat(kept) };
}

export function buildMp4(tpl: Mp4Template, t: TagSource): Buffer[] {
  const items: Buffer[] = [
    text('©nam', t.title),
    text('©ART', t.artist),
    text('aART', t.albumArtist),
    text('©alb', t.album),
    data('trkn', 0, pairs(t.trackNo, t.trackTotal, 8)),
    data('disk', 0, pairs(t.discNo, t.discTotal, 6)),
    text('©day', String(t.year)),
    text('©gen', t.genre),
    text('©wrt', t.composer),
  ];
  if (t.compilation) items.push(data('cpil', 21, Buffer.of(1)));
  if (t.replayGain) {
    const rg = t.replayGain;
    items.push(
      freeform('REPLAYGAIN_TRACK_GAIN', gainText(rg.trackGain)),
      freeform('REPLAYGAIN_TRACK_PEAK', peakText(rg.trackPeak)),
      freeform('REPLAYGAIN_ALBUM_GAIN', gainText(rg.albumGain)),
      freeform('REPLAYGAIN_ALBUM_PEAK', peakText(rg.albumPeak)),
    );
  }
  if (t.mbTrackId) items.push(freeform('MusicBrainz Release Track Id', t.mbTrackId));
  if (t.cover) items.push(data('covr', 13, t.cover.jpeg));

  const hdlr = fullAtom('hdlr', Buffer.concat([Buffer.alloc(4), Buffer.from('mdirappl', 'latin1'), Buffer.alloc(9)]));
  const udta = atom('udta', fullAtom('meta', Buffer.concat([hdlr, atom('ilst', Buffer.concat(items))])));
  const moovHeader = Buffer.alloc(8);
  moovHeader.writeUInt32BE(8 + tpl.moovChildren.length + udta.length, 0);
  moovHeader.write('moov', 4, 'latin1');
  return [tpl.head, moovHeader, tpl.moovChildren, udta];
}

/** trkn is (0, n, total, 0) and disk is (0, n, total), 16-bit big-endian each. */
function pairs(n: number, total: number, length: number): Buffer {
  const b = Buffer.alloc(length);
  b.writeUInt16BE(n, 2);
  b.writeUInt16BE(total, 4);
  return b;
}

function text(name: string, value: string): Buffer {
  return data(name, 1, Buffer.from(value, 'utf8'));
}

/** An ilst item: the item atom holding a `data` atom with a type indicator and a locale. */
function data(name: string, type: number, value: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(type, 0);
  return atom(name, atom('data', Buffer.concat([head, value])));
}

/** iTunes' freeform `----` item: mean (reverse-DNS owner), name, data. */
function freeform(name: string, value: string): Buffer {
  return atom(
    '----',
    Buffer.concat([
      fullAtom('mean', Buffer.from('com.apple.iTunes', 'utf8')),
      fullAtom('name', Buffer.from(name, 'utf8')),
      atom('data', Buffer.concat([u32(1), Buffer.alloc(4), Buffer.from(value, 'utf8')])),
    ]),
  );
}

function fullAtom(type: string, body: Buffer): Buffer {
  return atom(type, Buffer.concat([Buffer.alloc(4), body]));
}

// '©' must become the single byte 0xA9, hence latin1.
function atom(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n, 0);
  return b;
}

function* atoms(
  buf: Buffer,
  from: number,
  to: number,
): Generator<{ type: string; start: number; end: number; header: number }> {
  for (let o = from; o + 8 <= to;) {
    let size = buf.readUInt32BE(o);
    let header = 8;
    if (size === 1) {
      size = Number(buf.readBigUInt64BE(o + 8));
      header = 16;
    } else if (size === 0) {
      size = to - o;
    }
    if (size < header || o + size > to) throw new Error(`mp4: bad atom size at ${o}`);
    yield { type: buf.toString('latin1', o + 4, o + 8), start: o, end: o + size, header };
    o += size;
  }
}
