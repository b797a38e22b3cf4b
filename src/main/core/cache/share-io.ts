// Every byte the cache reads from a network share goes through a few threads of our own.
// A read on a share that vanished blocks for seconds (≈5 s over sshfs) before it fails;
// made through libuv's four-thread pool, a handful of those would also hold up every local
// read of cached chunks, which is exactly what must keep playing while the share is away.
import { closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { openThread, serveThread, Transfer, ThreadCallError, type ThreadChannel } from '../threads/channel.ts';
import { errorCode } from '../../../shared/error-text.ts';

export interface ShareStat {
  size: number;
  mtimeNs: bigint;
}

/** The share as the cache sees it; tests replace it with one they can break. */
export interface ShareIo {
  stat(path: string, timeoutMs: number): Promise<ShareStat>;
  /** `direct`: bypass the page cache (O_DIRECT), where the file system takes unaligned reads. */
  open(path: string, timeoutMs: number, direct?: boolean): Promise<number>;
  /** Up to `length` bytes at `position`; fewer only at the end of the file. */
  read(fd: number, position: number, length: number, timeoutMs: number): Promise<Uint8Array>;
  close(fd: number): void;
  dispose(): Promise<void>;
}

export class ShareTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(what: string, ms: number) {
    super(`The share did not answer ${what} within ${ms} ms`);
    this.name = 'ShareTimeoutError';
  }
}

/** What one share thread does: each call blocks its thread, never the process's thread pool. */
const shareOperations = {
  stat(path: string): ShareStat {
    const s = statSync(path, { bigint: true });
    if (!s.isFile()) throw Object.assign(new Error(`${path} is not a file`), { code: 'ENOENT' });
    return { size: Number(s.size), mtimeNs: s.mtimeNs };
  },
  open(path: string, direct: boolean): number {
    // O_DIRECT where the share allows it: no kernel readahead sends more down the link than
    // asked (what is in flight is what a seek waits behind), and the bytes are cached once,
    // by us, not also in the page cache.
    if (!direct) return openSync(path, 'r');
    try {
      return openSync(path, constants.O_RDONLY | constants.O_DIRECT);
    } catch (err) {
      if (errorCode(err) !== 'EINVAL') throw err;
      return openSync(path, 'r');
    }
  },
  read(fd: number, position: number, length: number) {
    const bytes = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const n = readSync(fd, bytes, filled, length - filled, position + filled);
      if (n === 0) break;
      filled += n;
    }
    const out = filled === length ? bytes : bytes.slice(0, filled);
    return new Transfer(out, [out.buffer]);
  },
  close(fd: number): null {
    closeSync(fd);
    return null;
  },
};
type ShareApi = typeof shareOperations;
type Job = { [K in keyof ShareApi]: { op: K; args: Parameters<ShareApi[K]> } }[keyof ShareApi];

/** Inside a share thread. */
export function runShareThread(): void {
  serveThread(shareOperations);
}

interface Queued {
  job: Job;
  resolve(value: unknown): void;
  reject(err: Error): void;
  /** Set once a thread has the job. */
  thread?: ThreadChannel<ShareApi>;
}

/** A small pool of threads doing blocking file calls on the share, one call each at a time. */
export class ThreadShareIo implements ShareIo {
  private readonly idle: ThreadChannel<ShareApi>[] = [];
  private readonly busy = new Set<ThreadChannel<ShareApi>>();
  private readonly queue: Queued[] = [];
  private disposed = false;
  private readonly size: number;
  private readonly entry: string;

  /** Threads start on first use: a library without network folders never pays for them. */
  constructor(threads: number, entry: string) {
    this.size = threads;
    this.entry = entry;
  }

  private spawn(): ThreadChannel<ShareApi> {
    const thread = openThread<ShareApi>(
      this.entry,
      { thread: 'share' },
      {
        // Files are opened by one thread and read or closed by another; a replaced thread must
        // not take the files it opened with it.
        trackUnmanagedFds: false,
      },
    );
    thread.ref(false);
    return thread;
  }

  private pump(): void {
    while (this.queue.length > 0 && (this.idle.length > 0 || this.busy.size < this.size)) {
      const next = this.queue.shift()!;
      const thread = this.idle.pop() ?? this.spawn();
      this.busy.add(thread);
      next.thread = thread;
      const { op, args } = next.job;
      thread
        .call(op, args as never)
        .then(next.resolve, (err: unknown) => next.reject(shareError(err)))
        .finally(() => {
          // A thread given up on (replaceStuck) is no longer ours to reuse.
          if (!this.busy.delete(thread)) return;
          if (this.disposed) void thread.dispose();
          else this.idle.push(thread);
          this.pump();
        });
    }
  }

  private run<T>(job: Job, timeoutMs: number, what: string): Promise<T> {
    if (this.disposed) return Promise.reject(new Error('The share reader is closed'));
    return new Promise<T>((resolve, reject) => {
      // The call itself cannot be taken back; a late answer is dropped when it comes.
      const timer = setTimeout(() => {
        const queued = this.queue.indexOf(entry);
        if (queued >= 0) this.queue.splice(queued, 1);
        else if (entry.thread) this.replaceStuck(entry.thread);
        reject(new ShareTimeoutError(what, timeoutMs));
      }, timeoutMs);
      timer.unref();
      const entry: Queued = {
        job,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
      this.queue.push(entry);
      this.pump();
    });
  }

  /**
   * A thread stuck in a call on a dead share is let go: it ends when the call returns (the
   * terminate waits for that, off this thread) and a fresh one takes its place.
   */
  private replaceStuck(thread: ThreadChannel<ShareApi>): void {
    if (!this.busy.delete(thread)) return;
    void thread.dispose();
    this.pump();
  }

  stat(path: string, timeoutMs: number): Promise<ShareStat> {
    return this.run({ op: 'stat', args: [path] }, timeoutMs, `a stat of ${path}`);
  }

  open(path: string, timeoutMs: number, direct = false): Promise<number> {
    return this.run({ op: 'open', args: [path, direct] }, timeoutMs, `an open of ${path}`);
  }

  read(fd: number, position: number, length: number, timeoutMs: number): Promise<Uint8Array> {
    return this.run({ op: 'read', args: [fd, position, length] }, timeoutMs, 'a read');
  }

  close(fd: number): void {
    this.run({ op: 'close', args: [fd] }, 30_000, 'a close').catch(() => {});
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const closed = new Error('The share reader is closed');
    for (const queued of this.queue.splice(0)) queued.reject(closed);
    const threads = [...this.idle.splice(0), ...this.busy];
    this.busy.clear();
    await Promise.all(threads.map((thread) => thread.dispose()));
  }
}

/** The file system's own error (its errno code kept), as the cache's offline checks read it. */
function shareError(err: unknown): Error {
  if (!(err instanceof ThreadCallError)) return err as Error;
  if (err.code !== 'FAILED') return Object.assign(new Error(err.message), { code: err.code });
  return Object.assign(new Error(err.message), { code: err.thrownCode });
}
