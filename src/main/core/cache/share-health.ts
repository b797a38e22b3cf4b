// Which shares stopped answering during playback, and when they answer again: a root found
// gone is reported offline and probed until it is back, and readers waiting on it are woken.
import type { ShareIo } from './share-io.ts';
import { errorMessage } from '../../../shared/error-text.ts';

interface Offline {
  path: string;
  probePath: string;
  waiters: Set<() => void>;
  timer: NodeJS.Timeout;
}

export interface ShareHealthOptions {
  share: ShareIo;
  timeoutMs: number;
  probeIntervalMs: number;
  /** Where a share found gone or back is reported: the roots' online state has one owner (RootStatus). */
  reportRoot: (rootId: number, online: boolean, reason: string | null) => void;
  /** A root went away: its open files are worthless (their reads would block). */
  onOffline: (rootId: number) => void;
  onOnline: (rootId: number) => void;
}

export class ShareHealth {
  private readonly options: ShareHealthOptions;
  private readonly offline = new Map<number, Offline>();
  private readonly probing = new Set<number>();
  private closed = false;

  constructor(options: ShareHealthOptions) {
    this.options = options;
  }

  isOffline(rootId: number): boolean {
    return this.offline.has(rootId);
  }

  /** The paths of the roots away now. */
  offlineRoots(): string[] {
    return [...this.offline.values()].map((o) => o.path);
  }

  /** `probePath` is a file under the root: the root's own folder may answer from a cache. */
  markOffline(rootId: number, path: string, err: unknown, probePath = path): void {
    if (this.offline.has(rootId) || this.closed) return;
    const timer = setInterval(() => this.probe(rootId), this.options.probeIntervalMs);
    timer.unref();
    this.offline.set(rootId, { path, probePath, waiters: new Set(), timer });
    this.options.onOffline(rootId);
    this.options.reportRoot(rootId, false, `The share stopped answering during playback (${errorMessage(err)})`);
  }

  /** Resolves once the root answers again (at once if it is not away); rejects on abort. */
  waitOnline(rootId: number, signal: AbortSignal): Promise<void> {
    const state = this.offline.get(rootId);
    if (!state) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        state.waiters.delete(done);
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      state.waiters.add(done);
    });
  }

  close(): void {
    this.closed = true;
    for (const o of this.offline.values()) clearInterval(o.timer);
  }

  private probe(rootId: number): void {
    const state = this.offline.get(rootId);
    if (!state || this.probing.has(rootId)) return;
    this.probing.add(rootId);
    const { share, timeoutMs } = this.options;
    // An open, not a stat: a share that is away still answers a stat from its attribute cache.
    share
      .open(state.probePath, timeoutMs)
      .then(
        (fd) => {
          share.close(fd);
          if (this.offline.get(rootId) !== state) return;
          clearInterval(state.timer);
          this.offline.delete(rootId);
          this.options.reportRoot(rootId, true, null);
          for (const wake of state.waiters) wake();
          this.options.onOnline(rootId);
        },
        () => {},
      )
      .finally(() => this.probing.delete(rootId));
  }
}
