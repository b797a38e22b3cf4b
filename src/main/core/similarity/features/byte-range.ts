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
