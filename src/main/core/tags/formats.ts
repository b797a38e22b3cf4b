// Which files Tonearm writes tags to. A format is writable when node-taglib-sharp writes it
// and a round trip (test/integration/tags/) shows the audio and the other tags untouched.
import { extname } from 'node:path';
import { TagTypes } from 'node-taglib-sharp';

interface WritableFormat {
  /** The MIME type node-taglib-sharp resolves its file class by. */
  mime: string;
  /** The tag to create when the file has none (files with tags keep theirs, in their version). */
  native: TagTypes | null;
}

const WRITABLE: Record<string, WritableFormat> = {
  '.mp3': { mime: 'taglib/mp3', native: TagTypes.Id3v2 },
  '.flac': { mime: 'taglib/flac', native: TagTypes.Xiph },
  '.ogg': { mime: 'taglib/ogg', native: null },
  '.oga': { mime: 'taglib/oga', native: null },
  '.opus': { mime: 'taglib/opus', native: null },
  '.m4a': { mime: 'taglib/m4a', native: null },
  '.m4b': { mime: 'taglib/m4b', native: null },
  '.mp4': { mime: 'taglib/mp4', native: null },
};

export const WRITABLE_EXTENSIONS = Object.keys(WRITABLE);

export function writableFormat(path: string): WritableFormat | null {
  return WRITABLE[extname(path).toLowerCase()] ?? null;
}

/** The sentence for a file whose format Tonearm does not write. */
export function readOnlyFormat(path: string): string {
  const ext = extname(path).slice(1).toUpperCase() || 'this file';
  return `${path}: tags are read-only for ${ext} files (Tonearm writes MP3, FLAC, Ogg Vorbis, Opus and M4A/MP4)`;
}
