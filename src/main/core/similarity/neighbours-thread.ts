// Both ends of the similarity thread: the vectors (50 MB at 250k tracks) and each search over
// them (milliseconds of arithmetic) stay off the main process's event loop.
import type { StartOf } from '../../common/thread-start.ts';
import { openReadOnly } from '../catalog/open.ts';
import { openThread, serveThread, type ThreadChannel } from '../threads/channel.ts';
import { Neighbours } from './neighbours.ts';

const PAGE_CACHE_KIB = 2000;
const SERVED = ['tracks', 'album', 'radio', 'cacheStats', 'held'] as const;
type Served = Pick<Neighbours, (typeof SERVED)[number]>;

/** Inside the thread: one connection and one index, opened on the first question. */
export function runNeighboursThread(start: StartOf<'similarity'>): void {
  let neighbours: Neighbours | null = null;
  const served = {} as Record<string, (...args: unknown[]) => unknown>;
  for (const method of SERVED) {
    served[method] = (...args: unknown[]) => {
      // A small page cache: the vectors are read once into the index, and rows a few at a time.
      neighbours ??= new Neighbours(openReadOnly(start.dbPath, PAGE_CACHE_KIB));
      return (neighbours[method] as (...a: unknown[]) => unknown).apply(neighbours, args);
    };
  }
  serveThread(served);
}

/** In the main process. */
export function openNeighboursThread(entry: string, dbPath: string): ThreadChannel<Served> {
  const channel = openThread<Served>(entry, { thread: 'similarity', dbPath });
  channel.ref(false);
  return channel;
}
