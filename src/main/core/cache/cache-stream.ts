// A track's bytes as a stream for the media handler: from the chunk files where they are
// cached, else from the chunk's fetch as its pieces arrive; while the share is away, a read
// of what is not cached waits for it to come back.
import type { CacheEntry } from './cache-entry.ts';
import type { CacheEntries } from './cache-entries.ts';
import type { CacheFigures } from './cache-figures.ts';
import { DEMAND } from './chunk-fetch.ts';
import type { ChunkFiles, ChunkReader } from './chunk-files.ts';
import type { ChunkRecords } from './chunk-records.ts';
import type { FetchScheduler } from './fetch-scheduler.ts';
import type { ShareHealth } from './share-health.ts';
import { errorCode } from '../../../shared/error-text.ts';

const READ_LIMIT = 512 * 1024;
/** A stream's first read is short: the player can start on it while the rest comes. */
const FIRST_READ_LIMIT = 64 * 1024;

export interface CacheStreamsOptions {
  entries: CacheEntries;
  fetches: FetchScheduler;
  health: ShareHealth;
  files: ChunkFiles;
  records: ChunkRecords;
  figures: CacheFigures;
}

const changed = () => Object.assign(new Error('The file changed on the share'), { code: 'ECHANGED' });

export class CacheStreams {
  private readonly deps: CacheStreamsOptions;

  constructor(options: CacheStreamsOptions) {
    this.deps = options;
  }

  /** Bytes [start, end] of the entry; `requestedAt` times its first bytes. */
  stream(entry: CacheEntry, start: number, end: number, signal: AbortSignal, requestedAt: number) {
    let position = start;
    let first = true;
    let released = false;
    const disk = this.deps.files.reader();
    entry.readers++;
    const release = () => {
      if (released) return;
      released = true;
      signal.removeEventListener('abort', release);
      disk.close();
      entry.readers--;
      entry.lastUsedAt = Date.now();
      this.deps.records.used(entry.id, entry.lastUsedAt);
    };
    signal.addEventListener('abort', release, { once: true });
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        try {
          const bytes = await this.readAt(entry, position, end, signal, first, disk);
          if (first) {
            first = false;
            const ms = performance.now() - requestedAt;
            (start === 0 ? this.deps.figures.serverStart : this.deps.figures.serverSeek).add(ms);
          }
          position += bytes.length;
          // A replay is served before its check on the share is back: the stream does not
          // end before it is, so that a file changed meanwhile ends in an error, never stale.
          if (position > end && entry.validation) await entry.validation;
          if (entry.dropped) throw changed();
          controller.enqueue(bytes);
          if (position > end) {
            release();
            controller.close();
          }
        } catch (err) {
          release();
          controller.error(err);
        }
      },
      cancel: () => release(),
    });
  }

  private async readAt(
    entry: CacheEntry,
    position: number,
    end: number,
    signal: AbortSignal,
    first: boolean,
    disk: ChunkReader,
  ): Promise<Uint8Array> {
    const { entries, fetches, health, figures } = this.deps;
    let retried = false;
    for (;;) {
      if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
      if (entry.dropped) throw changed();
      const index = entry.chunkOf(position);
      const chunkStart = entry.chunkStart(index);
      const chunkLength = entry.chunkLength(index);
      const most = first ? FIRST_READ_LIMIT : READ_LIMIT;
      const limit = Math.min(end, chunkStart + chunkLength - 1, position + most - 1);
      entry.playhead = index;
      entry.lastReadAt = Date.now();
      if (entry.has(index)) {
        const bytes = await disk.read(entry.id, index, chunkLength, position - chunkStart, limit - position + 1);
        if (bytes) {
          figures.bytesFromCache += bytes.length;
          fetches.pump();
          return bytes;
        }
        // Recorded but gone or damaged on disk: forget it and fetch it again.
        disk.close();
        entries.forgetChunk(entry, index);
      }
      if (entry.dropped) throw changed();
      if (health.isOffline(entry.rootId)) {
        await health.waitOnline(entry.rootId, signal);
        continue;
      }
      const fetch = fetches.fetchFor(entry, index, DEMAND, first ? position : undefined);
      fetch.want(position, DEMAND, first);
      fetches.pump();
      try {
        // Bytes of a chunk that already arrived (and is being written) count as a hit.
        const fromMemory = fetch.complete;
        const bytes = await fetch.bytesAt(position, limit, signal);
        if (fromMemory) figures.bytesFromCache += bytes.length;
        else figures.bytesFromShare += bytes.length;
        return bytes;
      } catch (err) {
        if (signal.aborted) throw err;
        if (health.isOffline(entry.rootId)) continue;
        // A direct read refused: the file is reopened without it and the read tried again.
        if (errorCode(err) === 'EINVAL' && !retried) {
          retried = true;
          continue;
        }
        throw err;
      }
    }
  }
}
