import type { TagSource } from './types.ts';
import { encodeComments, flacPicture, VENDOR, vorbisFields } from './vorbiscomment.ts';

const STREAMINFO = 0;
const PADDING = 1;
const SEEKTABLE = 3;
const VORBIS_COMMENT = 4;
const PICTURE = 6;
const PADDING_BYTES = 4096;

export interface FlacTemplate {
  /** STREAMINFO and SEEKTABLE blocks (headers included, last-block flag clear). */
  keep: Buffer[];
  frames: Buffer;
}

/** Keeps the blocks that describe the audio and drops whatever tags/padding ffmpeg wrote. */
export function parseFlacTemplate(file: Buffer): FlacTemplate {
  if (file.toString('latin1', 0, 4) !== 'fLaC') throw new Error('flac template: no fLaC marker');
  const keep: Buffer[] = [];
  let o = 4;
  for (;;) {
    const flags = file[o];
    if (flags === undefined || o + 4 > file.length) throw new Error('flac template: truncated metadata');
    const type = flags & 0x7f;
    const length = file.readUIntBE(o + 1, 3);
    if (type === STREAMINFO || type === SEEKTABLE) {
      const block = Buffer.from(file.subarray(o, o + 4 + length));
      block[0] = type; // the last-block flag is set again when writing
      keep.push(block);
    }
    o += 4 + length;
    if (flags & 0x80) break;
  }
  if (keep[0]?.[0] !== STREAMINFO) throw new Error('flac template: STREAMINFO is not the first block');
  return { keep, frames: file.subarray(o) };
}

/** The file as a list of buffers for one writev: template blocks, tags, picture, padding, frames. */
export function buildFlac(tpl: FlacTemplate, t: TagSource): Buffer[] {
  const blocks: Buffer[] = [...tpl.keep];
  blocks.push(block(VORBIS_COMMENT, encodeComments(VENDOR, vorbisFields(t)), false));
  if (t.cover) blocks.push(block(PICTURE, flacPicture(t.cover), false));
  // Taggers leave padding so that later edits need not rewrite the audio.
  blocks.push(block(PADDING, Buffer.alloc(PADDING_BYTES), true));
  return [Buffer.from('fLaC', 'latin1'), ...blocks, tpl.frames];
}

function block(type: number, body: Buffer, last: boolean): Buffer {
  if (body.length >= 1 << 24) throw new Error(`flac metadata block too large: ${body.length}`);
  const header = Buffer.alloc(4);
  header[0] = (last ? 0x80 : 0) | type;
  header.writeUIntBE(body.length, 1, 3);
  return Buffer.concat([header, body]);
}
