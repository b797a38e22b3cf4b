// What a ThreadChannel talks to: a worker thread, or a child process (the analysis runs in one,
// so its decoders' memory is not the serving process's). Both carry the same call and reply
// messages; a process copies what a thread would have been handed.
import { Worker, type TransferListItem, type WorkerOptions } from 'node:worker_threads';
import { forwardStderr } from '../log.ts';
import type { ProcessTransport } from './child-process.ts';

export interface ChannelEnd {
  post(message: unknown, transfer: TransferListItem[]): void;
  onMessage(listener: (message: unknown) => void): void;
  /** An uncaught error that ended it (a thread; a process's shows as its exit). */
  onError(listener: (error: Error) => void): void;
  /** code: null when a signal ended it. */
  onExit(listener: (code: number | null) => void): void;
  ref(keepAlive: boolean): void;
  terminate(): Promise<void>;
  /** A process's id (a thread has none). */
  readonly pid: number | undefined;
}

/** Opens a new end each time the one before has died; `kind` names it in messages and the log. */
export interface EndOpener {
  kind: 'thread' | 'process';
  open(): ChannelEnd;
}

export function workerOpener(entry: string | URL, options: WorkerOptions): EndOpener {
  return {
    kind: 'thread',
    open: () => {
      // Its stderr comes through here rather than straight to ours, so the log file has it too.
      const worker = new Worker(entry, { ...options, stderr: true });
      forwardStderr(`${options.name ?? 'worker'} thread`, worker.stderr);
      return {
        post: (message, transfer) => worker.postMessage(message, transfer),
        onMessage: (listener) => worker.on('message', listener),
        onError: (listener) => worker.on('error', listener),
        onExit: (listener) => worker.on('exit', listener),
        ref: (keepAlive) => (keepAlive ? worker.ref() : worker.unref()),
        terminate: async () => {
          await worker.terminate();
        },
        pid: undefined,
      };
    },
  };
}

export function processOpener(spawn: () => ProcessTransport): EndOpener {
  return {
    kind: 'process',
    open: () => {
      const child = spawn();
      let exited = false;
      const exit = new Promise<void>((resolve) =>
        child.onExit(() => {
          exited = true;
          resolve();
        }),
      );
      return {
        post: (message) => child.send(message),
        onMessage: (listener) => child.onMessage(listener),
        onError: () => {},
        onExit: (listener) => child.onExit(listener),
        ref: (keepAlive) => child.ref?.(keepAlive),
        terminate: async () => {
          if (!exited) child.kill();
          await exit;
        },
        pid: child.pid,
      };
    },
  };
}
