// Grid thumbnails, made the first time a cover is shown rather than during an import. sharp
// works on libuv's thread pool, so the main process's event loop only waits on a promise;
// a few at a time keeps a fast scroll through the Albums grid from flooding that pool.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const THUMB_SIZE = 256;
const MAX_AT_ONCE = 2;

// libvips is tens of megabytes of native code: loaded at the first thumbnail, not at every
// start (`tonearm query`, a scan and the host's start never make one).
let sharpModule: Promise<typeof import('sharp')> | null = null;
async function loadSharp(): Promise<typeof import('sharp').default> {
  sharpModule ??= import('sharp');
  return (await sharpModule).default;
}

let running = 0;
const waiting: (() => void)[] = [];
const inProgress = new Map<string, Promise<Uint8Array<ArrayBuffer> | null>>();

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Makes (once, however many ask at the same time) and stores the thumbnail of a full-size cover. */
export function makeThumbnail(fullPath: string, thumbPath: string): Promise<Uint8Array<ArrayBuffer> | null> {
  const existing = inProgress.get(thumbPath);
  if (existing) return existing;
  const work = slot(async () => {
    try {
      const sharp = await loadSharp();
      const thumb = await sharp(await readFile(fullPath), { failOn: 'none' })
        .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'cover' })
        .jpeg({ quality: 80 })
        .toBuffer();
      await mkdir(dirname(thumbPath), { recursive: true });
      const temp = `${thumbPath}.${process.pid}.tmp`;
      await writeFile(temp, thumb);
      await rename(temp, thumbPath);
      return new Uint8Array(thumb);
    } catch {
      return null;
    }
  }).finally(() => inProgress.delete(thumbPath));
  inProgress.set(thumbPath, work);
  return work;
}
