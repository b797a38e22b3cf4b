import { gainText, peakText, type TagSource } from './types.ts';

// Text frames are written as UTF-8 (encoding byte 3), which ID3v2.4 allows and
// which keeps diacritics intact without UTF-16 BOM juggling.
const UTF8 = 3;
const PADDING = 1024;

/** The MPEG frames of a template, without any ID3v2 tag at the start or ID3v1 tag at the end. */
export function stripMp3Tags(file: Buffer): Buffer {
  let start = 0;
  if (file.length >= 10 && file.toString('latin1', 0, 3) === 'ID3') {
    const footer = (file[5]! & 0x10) !== 0 ? 10 : 0;
    start = 10 + syncsafeRead(file, 6) + footer;
  }
  // ffmpeg pads the tag with zeros; the audio begins at the first frame sync.
  while (start < file.length - 1 && !(file[start] === 0xff && (file[start + 1]! & 0xe0) === 0xe0)) {
    start++;
  }
  let end = file.length;
  if (end - start >= 128 && file.toString('latin1', end - 128, end - 125) === 'TAG') end -= 128;
  if (start >= end) throw new Error('mp3 template has no MPEG frames');
  return file.subarray(start, end);
}

/** An ID3v2.4 tag to put in front of the MPEG frames. */
export function buildId3v24(t: TagSource): Buffer {
  const frames: Buffer[] = [
    text('TIT2', t.title),
    text('TPE1', t.artist),
    text('TPE2', t.albumArtist),
    text('TALB', t.album),
    text('TRCK', `${t.trackNo}/${t.trackTotal}`),
    text('TPOS', `${t.discNo}/${t.discTotal}`),
    text('TDRC', String(t.year)),
    text('TCON', t.genre),
    text('TCOM', t.composer),
  ];
  if (t.compilation) frames.push(text('TCMP', '1'));
  if (t.replayGain) {
    const rg = t.replayGain;
    frames.push(
      txxx('REPLAYGAIN_TRACK_GAIN', gainText(rg.trackGain)),
      txxx('REPLAYGAIN_TRACK_PEAK', peakText(rg.trackPeak)),
      txxx('REPLAYGAIN_ALBUM_GAIN', gainText(rg.albumGain)),
      txxx('REPLAYGAIN_ALBUM_PEAK', peakText(rg.albumPeak)),
    );
  }
  if (t.mbTrackId) frames.push(txxx('MusicBrainz Release Track Id', t.mbTrackId));
  if (t.cover) frames.push(apic(t.cover.jpeg));

  const body = Buffer.concat(frames);
  const header = Buffer.alloc(10);
  header.write('ID3', 0, 'latin1');
  header[3] = 4; // v2.4.0
  syncsafeWrite(header, 6, body.length + PADDING);
  return Buffer.concat([header, body, Buffer.alloc(PADDING)]);
}

function text(id: string, value: string): Buffer {
  return frame(id, Buffer.concat([Buffer.of(UTF8), Buffer.from(value, 'utf8')]));
}

function txxx(description: string, value: string): Buffer {
  return frame(
    'TXXX',
    Buffer.concat([Buffer.of(UTF8), Buffer.from(description, 'utf8'), Buffer.of(0), Buffer.from(value, 'utf8')]),
  );
}

function apic(jpeg: Buffer): Buffer {
  const head = Buffer.concat([
    Buffer.of(UTF8),
    Buffer.from('image/jpeg\0', 'latin1'),
    Buffer.of(3), // front cover
    Buffer.of(0), // empty description
  ]);
  return frame('APIC', Buffer.concat([head, jpeg]));
}

function frame(id: string, payload: Buffer): Buffer {
  const header = Buffer.alloc(10);
  header.write(id, 0, 'latin1');
  // Unlike v2.3, v2.4 frame sizes are syncsafe too; readers that get this wrong
  // only fail on frames of 128 bytes or more, i.e. on covers.
  syncsafeWrite(header, 4, payload.length);
  return Buffer.concat([header, payload]);
}

function syncsafeWrite(buf: Buffer, offset: number, value: number): void {
  if (value >= 1 << 28) throw new Error(`ID3v2 size too large: ${value}`);
  buf[offset] = (value >>> 21) & 0x7f;
  buf[offset + 1] = (value >>> 14) & 0x7f;
  buf[offset + 2] = (value >>> 7) & 0x7f;
  buf[offset + 3] = value & 0x7f;
}

function syncsafeRead(buf: Buffer, offset: number): number {
  return (
    ((buf[offset]! & 0x7f) << 21) |
    ((buf[offset + 1]! & 0x7f) << 14) |
    ((buf[offset + 2]! & 0x7f) << 7) |
    (buf[offset + 3]! & 0x7f)
  );
}
