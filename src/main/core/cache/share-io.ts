// Every byte the cache reads from a network share goes through a few threads of our own.
// A read on a share that vanished blocks for seconds (≈5 s over sshfs) before it fails;
// made through libuv's four-thread pool, a handful of those would also hold up every local
// read of cached chunks, which is exactly what must keep playing while the share is away.
import { Worker } from 'node:worker_threads';

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

type Job =
  | { op: 'stat'; path: string }
  | { op: 'open'; path: string; direct: boolean }
  | { op: 'read'; fd: number; position: number; length: number }
  | { op: 'close'; fd: number };

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; code?: string; message: string };

/**
 * The thread's whole program. It is passed as source text (eval) so that it runs the same from
 * the TypeScript sources and from the bundle, with no extra entry in the build.
 */
function shareThread(): void {
  const fs = process.getBuiltinModule('node:fs');
  const { parentPort } = process.getBuiltinModule('node:worker_threads');
  parentPort!.on('message', (message: { id: number; job: Job }) => {
    const { id, job } = message;
    try {
      if (job.op === 'stat') {
        const s = fs.statSync(job.path, { bigint: true });
        if (!s.isFile()) throw Object.assign(new Error(`${job.path} is not a file`), { code: 'ENOENT' });
        parentPort!.postMessage({ id, ok: true, value: { size: Number(s.size), mtimeNs: s.mtimeNs } });
      } else if (job.op === 'open') {
        // O_DIRECT where the share allows it: no kernel readahead sends more down the link
        // than asked (what is in flight is what a seek waits behind), and the bytes are
        // cached once, by us, not also in the page cache.
        const direct = job.direct ? fs.constants.O_DIRECT : 0;
        let fd: number;
        try {
          fd = direct ? fs.openSync(job.path, fs.constants.O_RDONLY | direct) : fs.openSync(job.path, 'r');
        } catch (err) {
          if ((err as { code?: string }).code !== 'EINVAL') throw err;
          fd = fs.openSync(job.path, 'r');
        }
        parentPort!.postMessage({ id, ok: true, value: fd });
      } else if (job.op === 'read') {
        const bytes = new Uint8Array(job.length);
        let filled = 0;
        while (filled < job.length) {
          const n = fs.readSync(job.fd, bytes, filled, job.length - filled, job.position + filled);
          if (n === 0) break;
          filled += n;
        }
        const out = filled === job.length ? bytes : bytes.slice(0, filled);
        parentPort!.postMessage({ id, ok: true, value: out }, [out.buffer]);
      } else {
        fs.closeSync(job.fd);
        parentPort!.postMessage({ id, ok: true, value: null });
      }
    } catch (err) {
      const e = err as { code?: string; message?: string };
      parentPort!.postMessage({ id, ok: false, code: e.code, message: String(e.message) });
    }
  });
}

interface Pending {
  job: Job;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface Thread {
  worker: Worker;
  busy: boolean;
}

/** A small pool of threads doing blocking file calls on the share, one call each at a time. */
export class ThreadShareIo implements ShareIo {
  private readonly threads: Thread[] = [];
  private readonly queue: { id: number; pending: Pending }[] = [];
  private readonly inFlight = new Map<number, { pending: Pending; thread: Thread }>();
  private nextId = 1;
  private disposed = false;
  private readonly size: number;

  /** Threads start on first use: a library without network folders never pays for them. */
  constructor(threads: number) {
    this.size = threads;
  }

  private spawn(): Thread {
    const worker = new Worker(`(${shareThread.toString()})()`, {
      eval: true,
      // Files are opened by one thread and read or closed by another; a replaced thread must
      // not take the files it opened with it.
      trackUnmanagedFds: false,
    });
    const thread: Thread = { worker, busy: false };
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const job = this.inFlight.get(reply.id);
      thread.busy = false;
      if (job) {
        this.inFlight.delete(reply.id);
        if (reply.ok) job.pending.resolve(reply.value);
        else job.pending.reject(Object.assign(new Error(reply.message), { code: reply.code }));
      }
      this.pump();
    });
    worker.on('error', (err) => console.error('tonearm: a share thread failed:', err));
    return thread;
  }

  private pump(): void {
    const idle = this.threads.filter((t) => !t.busy).length;
    for (let i = idle; i < this.queue.length && this.threads.length < this.size; i++) this.threads.push(this.spawn());
    for (const thread of this.threads) {
      if (thread.busy) continue;
      const next = this.queue.shift();
      if (!next) return;
      thread.busy = true;
      this.inFlight.set(next.id, { pending: next.pending, thread });
      thread.worker.postMessage({ id: next.id, job: next.pending.job });
    }
  }

  private run<T>(job: Job, timeoutMs: number, what: string): Promise<T> {
    if (this.disposed) return Promise.reject(new Error('The share reader is closed'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      // The call itself cannot be taken back; a late answer is dropped when it comes.
      const timer = setTimeout(() => {
        const queued = this.queue.findIndex((q) => q.id === id);
        if (queued >= 0) this.queue.splice(queued, 1);
        else this.replaceStuck(id);
        reject(new ShareTimeoutError(what, timeoutMs));
      }, timeoutMs);
      timer.unref();
      this.queue.push({
        id,
        pending: {
          job,
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value as T);
          },
          reject: (err) => {
            clearTimeout(timer);
            reject(err);
          },
        },
      });
      this.pump();
    });
  }

  /** A thread stuck in a call on a dead share is left to finish alone; a fresh one takes its place. */
  private replaceStuck(id: number): void {
    const job = this.inFlight.get(id);
    if (!job) return;
    this.inFlight.delete(id);
    const at = this.threads.indexOf(job.thread);
    if (at < 0) return;
    this.threads.splice(at, 1);
    job.thread.worker.removeAllListeners('message');
    job.thread.worker.on('message', () => void job.thread.worker.terminate());
    if (!this.disposed && this.threads.length < this.size) this.threads.push(this.spawn());
  }

  stat(path: string, timeoutMs: number): Promise<ShareStat> {
    return this.run({ op: 'stat', path }, timeoutMs, `a stat of ${path}`);
  }

  open(path: string, timeoutMs: number, direct = false): Promise<number> {
    return this.run({ op: 'open', path, direct }, timeoutMs, `an open of ${path}`);
  }

  read(fd: number, position: number, length: number, timeoutMs: number): Promise<Uint8Array> {
    return this.run({ op: 'read', fd, position, length }, timeoutMs, 'a read');
  }

  close(fd: number): void {
    this.run({ op: 'close', fd }, 30_000, 'a close').catch(() => {});
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const closed = new Error('The share reader is closed');
    for (const { pending } of this.queue.splice(0)) pending.reject(closed);
    for (const { pending } of this.inFlight.values()) pending.reject(closed);
    this.inFlight.clear();
    await Promise.all(this.threads.splice(0).map((thread) => thread.worker.terminate()));
  }
}
