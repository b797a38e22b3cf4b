import type { FileStat } from './walk.ts';

/**
 * A first import lists every file as added. Tens of thousands of small objects take the
 * receiving event loop tens of milliseconds to rebuild, so they travel packed: one string of
 * paths and two transferred arrays, unpacked by the scanner a slice at a time.
 */
export interface PackedFiles {
  paths: string;
  sizes: Float64Array<ArrayBuffer>;
  mtimesNs: BigInt64Array<ArrayBuffer>;
}

export function packFiles(files: readonly FileStat[]): PackedFiles {
  return {
    paths: files.map((file) => file.path).join('\0'),
    sizes: Float64Array.from(files, (file) => file.size),
    mtimesNs: BigInt64Array.from(files, (file) => file.mtimeNs),
  };
}

/** What postMessage can hand over instead of copying. */
export const transferables = (packed: PackedFiles): ArrayBuffer[] => [packed.sizes.buffer, packed.mtimesNs.buffer];

export function* unpackFiles(packed: PackedFiles): Generator<FileStat> {
  if (packed.sizes.length === 0) return;
  const paths = packed.paths.split('\0');
  for (let i = 0; i < paths.length; i++) {
    yield { path: paths[i]!, size: packed.sizes[i]!, mtimeNs: packed.mtimesNs[i]! };
  }
}
