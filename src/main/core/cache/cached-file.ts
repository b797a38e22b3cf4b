// What the media handler opens: the cached view of a track, checked against the file on the
// share (its size and mtime) no more often than a play needs, and served from what is cached
// when the share is away.
import type { RootState } from '../catalog/cache.ts';
import type { ByteSource } from '../media/byte-source.ts';
import type { CacheEntries } from './cache-entries.ts';
import type { CacheEntry } from './cache-entry.ts';
import type { CacheStreams } from './cache-stream.ts';
import type { ShareOpener } from './share-file.ts';
import type { ShareHealth } from './share-health.ts';
import type { ShareIo, ShareStat } from './share-io.ts';
import { errorCode } from '../../../shared/error-text.ts';

export interface CachedFile {
  size: number;
  mtimeMs: number;
  source: ByteSource;
}

export interface CachedFilesOptions {
  share: ShareIo;
  timeoutMs: number;
  entries: CacheEntries;
  health: ShareHealth;
  opener: ShareOpener;
  streams: CacheStreams;
}

/** How long a file's fingerprint, once checked on the share, is taken as current. */
const REVALIDATE_MS = 10_000;

const gone = (err: unknown) => errorCode(err) === 'ENOENT' || errorCode(err) === 'ENOTDIR';

export class CachedFiles {
  private readonly deps: CachedFilesOptions;

  constructor(options: CachedFilesOptions) {
    this.deps = options;
  }

  /**
   * The cached view of a track under a network root, or null when it cannot be served (gone
   * from the share, or the share is away and nothing of it is cached).
   */
  async open(path: string, rootId: number, root: RootState, requestedAt: number): Promise<CachedFile | null> {
    const { share, timeoutMs, entries, health, opener } = this.deps;
    if (!root.online || health.isOffline(rootId)) {
      const cached = entries.load(path, rootId);
      return cached ? this.view(cached, requestedAt) : null;
    }
    const known = entries.load(path, rootId);
    const inPlay = known !== null && (known.readers > 0 || known.path === entries.playingPath);
    const fresh = inPlay && Date.now() - known.validatedAt < REVALIDATE_MS;
    // Checked moments ago (a seek in the same play), or wholly cached (a replay): served at
    // once. A replay is checked alongside; if the file changed, the entry is dropped and the
    // stream fails after at most its first read, and the player's retry gets the new file.
    if (known && (fresh || known.complete)) {
      if (!fresh) known.validation = this.validate(known, root);
      return this.view(known, requestedAt);
    }
    // The file is opened while its fingerprint is checked: the first read then waits one
    // round trip less. An entry already open keeps its own.
    const file = known?.file ? null : opener.open(path, rootId);
    let stat: ShareStat;
    try {
      stat = await share.stat(path, timeoutMs);
    } catch (err) {
      file?.close();
      if (gone(err)) {
        entries.dropPath(path);
        return null;
      }
      health.markOffline(rootId, root.path, err);
      const cached = entries.load(path, rootId);
      return cached ? this.view(cached, requestedAt) : null;
    }
    let entry: CacheEntry;
    try {
      entry = await entries.entryFor(path, rootId, stat);
    } catch (err) {
      file?.close();
      throw err;
    }
    if (file && !entry.file) entry.file = file;
    else file?.close();
    return this.view(entry, requestedAt);
  }

  private view(entry: CacheEntry, requestedAt: number): CachedFile {
    return {
      size: entry.size,
      mtimeMs: Number(entry.mtimeNs / 1_000_000n),
      source: { stream: (start, end, signal) => this.deps.streams.stream(entry, start, end, signal, requestedAt) },
    };
  }

  private async validate(entry: CacheEntry, root: RootState): Promise<void> {
    const { share, timeoutMs, entries, health } = this.deps;
    try {
      const stat = await share.stat(entry.path, timeoutMs);
      if (entry.matches(stat.size, stat.mtimeNs)) entry.validatedAt = Date.now();
      else entries.drop(entry);
    } catch (err) {
      if (gone(err)) entries.drop(entry);
      else health.markOffline(entry.rootId, root.path, err);
    }
  }
}
