import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

/** Where the media handler reads a track's bytes from: the file itself, or the chunk cache. */
export interface ByteSource {
  /** A stream of bytes [start, end] inclusive. */
  stream(start: number, end: number, signal: AbortSignal): ReadableStream<Uint8Array>;
}

export function fileSource(path: string): ByteSource {
  return {
    stream(start, end, signal) {
      const node = createReadStream(path, { start, end, highWaterMark: 256 * 1024, signal });
      // An aborted request (the player seeked away) is not an error worth surfacing.
      node.on('error', () => {});
      return Readable.toWeb(node) as ReadableStream<Uint8Array>;
    },
  };
}
