// Reading a file by byte ranges: the excerpt and the container's headers, nothing else, so a
// file on a network share costs a few requests. A caller with a cache of its own passes its
// reader instead (AnalyseOptions.readRange).
import { open } from 'node:fs/promises';

export type ReadRange = (offset: number, length: number) => Promise<Uint8Array>;

export interface RangeSource {
  size: number;
  read: ReadRange;
  close(): Promise<void>;
}

export async function openRangeSource(path: string): Promise<RangeSource> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    return {
      size,
      read: async (offset, length) => {
        const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
        let done = 0;
        while (done < buffer.length) {
          const { bytesRead } = await handle.read(buffer, done, buffer.length - done, offset + done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        return done === buffer.length ? buffer : buffer.subarray(0, done);
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** What rememberingReader keeps at most: the tail of the bytes it read last, in one run. */
const REMEMBERED_BYTES = 1 << 20;

/**
 * A reader that remembers the run of bytes it read last: a read that starts inside it (the next
 * snippet's range overlapping this one's pages, in a short track with long Ogg pages) takes what
 * it already has from memory and asks only for the rest, so no byte is fetched twice in a row.
 */
export function rememberingReader(read: ReadRange): ReadRange {
  let last: { offset: number; bytes: Uint8Array } = { offset: 0, bytes: new Uint8Array(0) };
  return async (offset, length) => {
    // Reads may be in flight together: each builds on the run it started from, not on one that
    // another read left while it waited.
    const before = last;
    const end = before.offset + before.bytes.length;
    const inside = offset >= before.offset && offset <= end;
    const known = inside ? before.bytes.subarray(offset - before.offset) : new Uint8Array(0);
    if (known.length >= length) return known.subarray(0, length);
    const fresh = await read(offset + known.length, length - known.length);
    const bytes = known.length > 0 ? concatBytes([known, fresh]) : fresh;
    // A read that carries on from the last run extends it (up to REMEMBERED_BYTES, its tail).
    const run = inside ? concatBytes([before.bytes.subarray(0, offset - before.offset), bytes]) : bytes;
    const kept = run.subarray(Math.max(0, run.length - REMEMBERED_BYTES));
    last = { offset: (inside ? before.offset : offset) + (run.length - kept.length), bytes: kept };
    return bytes;
  };
}

/** The parts, one after the other, in a new array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
