import { gainText, peakText, type Cover, type TagSource } from './types.ts';

// Shared by FLAC (VORBIS_COMMENT block) and Ogg Vorbis/Opus (comment header packet):
// the same field names, the same length-prefixed little-endian layout.

export const VENDOR = 'reference libFLAC 1.4.3 20230623';

export function vorbisFields(t: TagSource): string[] {
  const fields = [
    `TITLE=${t.title}`,
    `ARTIST=${t.artist}`,
    `ALBUMARTIST=${t.albumArtist}`,
    `ALBUM=${t.album}`,
    `TRACKNUMBER=${t.trackNo}`,
    `TRACKTOTAL=${t.trackTotal}`,
    `DISCNUMBER=${t.discNo}`,
    `DISCTOTAL=${t.discTotal}`,
    `DATE=${t.year}`,
    `GENRE=${t.genre}`,
    `COMPOSER=${t.composer}`,
  ];
  if (t.compilation) fields.push('COMPILATION=1');
  if (t.replayGain) {
    const rg = t.replayGain;
    fields.push(
      `REPLAYGAIN_TRACK_GAIN=${gainText(rg.trackGain)}`,
      `REPLAYGAIN_TRACK_PEAK=${peakText(rg.trackPeak)}`,
      `REPLAYGAIN_ALBUM_GAIN=${gainText(rg.albumGain)}`,
      `REPLAYGAIN_ALBUM_PEAK=${peakText(rg.albumPeak)}`,
    );
  }
  if (t.mbTrackId) fields.push(`MUSICBRAINZ_RELEASETRACKID=${t.mbTrackId}`);
  return fields;
}

/** vendor length + vendor + count + (length + field)*, all little-endian. */
export function encodeComments(vendor: string, fields: readonly string[]): Buffer {
  const parts: Buffer[] = [];
  const vendorBytes = Buffer.from(vendor, 'utf8');
  parts.push(u32le(vendorBytes.length), vendorBytes, u32le(fields.length));
  for (const field of fields) {
    const bytes = Buffer.from(field, 'utf8');
    parts.push(u32le(bytes.length), bytes);
  }
  return Buffer.concat(parts);
}

/** The body of a FLAC PICTURE block (big-endian), also the payload of METADATA_BLOCK_PICTURE in Ogg. */
export function flacPicture(cover: Cover): Buffer {
  const mime = Buffer.from('image/jpeg', 'latin1');
  const head = Buffer.alloc(4 + 4 + mime.length + 4 + 16 + 4);
  let o = 0;
  o = head.writeUInt32BE(3, o); // front cover
  o = head.writeUInt32BE(mime.length, o);
  o += mime.copy(head, o);
  o = head.writeUInt32BE(0, o); // empty description
  o = head.writeUInt32BE(cover.width, o);
  o = head.writeUInt32BE(cover.height, o);
  o = head.writeUInt32BE(24, o); // colour depth
  o = head.writeUInt32BE(0, o); // not indexed
  head.writeUInt32BE(cover.jpeg.length, o);
  return Buffer.concat([head, cover.jpeg]);
}

function u32le(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
}
