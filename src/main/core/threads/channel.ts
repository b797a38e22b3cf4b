// One way to talk to a worker thread (or a child process, channel-end.ts): it serves an object,
// the caller gets a typed proxy of it. The channel owns its lifetime and settles every call: a
// reply, or a ThreadCallError with a code when it exits or crashes, the call times out or its
// signal aborts. One that died is started again by the next call.
import { parentPort, type TransferListItem, type WorkerOptions } from 'node:worker_threads';
import { errorMessage } from '../../../shared/error-text.ts';
import type { ThreadStart } from '../../common/thread-start.ts';
import { log } from '../log.ts';
import { workerOpener, type ChannelEnd, type EndOpener } from './channel-end.ts';

export type ThreadErrorCode = 'THREAD_CRASHED' | 'THREAD_EXITED' | 'TIMEOUT' | 'ABORTED' | 'DISPOSED' | 'FAILED';

export class ThreadCallError extends Error {
  readonly code: ThreadErrorCode;
  /** FAILED: the code of what the thread threw (an errno name, a TonearmError code), if it had one. */
  readonly thrownCode: string | undefined;
  constructor(code: ThreadErrorCode, message: string, thrownCode?: string) {
    super(message);
    this.name = 'ThreadCallError';
    this.code = code;
    this.thrownCode = thrownCode;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any function shape may be served
export type ThreadApi = { [method: string]: (...args: any[]) => unknown };

/** A reply that hands buffers over instead of copying them. */
export class Transfer<T> {
  readonly value: T;
  readonly list: TransferListItem[];
  constructor(value: T, list: TransferListItem[]) {
    this.value = value;
    this.list = list;
  }
}

// Distributes over a union, so a method may answer with a Transfer on one path and a plain value on another.
type WithoutTransfer<V> = V extends Transfer<infer T> ? T : V;
type Unwrapped<R> = WithoutTransfer<Awaited<R>>;
export type Remote<T extends ThreadApi> = {
  [K in keyof T]: (...args: Parameters<T[K]>) => Promise<Unwrapped<ReturnType<T[K]>>>;
};

export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  transfer?: TransferListItem[];
}

interface CallMessage {
  channelCall: number;
  method: string;
  args: unknown[];
}
type ReplyMessage = { channelReply: number } & (
  { ok: true; value: unknown } | { ok: false; message: string; code: string | undefined }
);

function isCall(message: unknown): message is CallMessage {
  return typeof message === 'object' && message !== null && typeof (message as CallMessage).channelCall === 'number';
}
function isReply(message: unknown): message is ReplyMessage {
  return typeof message === 'object' && message !== null && typeof (message as ReplyMessage).channelReply === 'number';
}

/** Where calls come from: a thread's parentPort, or a child process's (common/parent-port.ts). */
export interface ServedPort {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  postMessage(message: unknown, transfer?: readonly TransferListItem[]): void;
}

/** Inside the thread (or process): answer every call on the port with the implementation's method. */
export function serveThread<T extends ThreadApi>(implementation: T, port: ServedPort | null = parentPort): void {
  if (!port) throw new Error('serveThread runs inside a worker thread');
  port.on('message', (message: unknown) => {
    if (!isCall(message)) return;
    const id = message.channelCall;
    const method = Object.hasOwn(implementation, message.method) ? implementation[message.method] : undefined;
    Promise.resolve()
      .then(() => {
        if (!method) throw new Error(`no method ${message.method}`);
        return method.apply(implementation, message.args);
      })
      .then(
        (result) => {
          if (result instanceof Transfer) {
            port.postMessage({ channelReply: id, ok: true, value: result.value } satisfies ReplyMessage, result.list);
          } else {
            port.postMessage({ channelReply: id, ok: true, value: result } satisfies ReplyMessage);
          }
        },
        (err: unknown) => {
          const code = (err as { code?: unknown } | null)?.code;
          port.postMessage({
            channelReply: id,
            ok: false,
            message: errorMessage(err),
            code: typeof code === 'string' ? code : undefined,
          } satisfies ReplyMessage);
        },
      );
  });
}

interface Pending {
  worker: ChannelEnd;
  resolve(value: unknown): void;
  reject(error: ThreadCallError): void;
}

export class ThreadChannel<T extends ThreadApi> {
  readonly remote: Remote<T>;
  private worker: ChannelEnd | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private keepAlive = true;
  private disposed = false;
  private readonly opener: EndOpener;
  private readonly options: WorkerOptions;

  /** entry: a worker thread's script, or how to open the other end (a child process). */
  constructor(entry: string | URL | EndOpener, options: WorkerOptions = {}) {
    this.opener = typeof entry === 'object' && 'open' in entry ? entry : workerOpener(entry, options);
    this.options = options;
    this.remote = new Proxy({} as Remote<T>, {
      get: (_target, method) =>
        typeof method === 'string' ? (...args: unknown[]) => this.call(method, args as never) : undefined,
    });
  }

  /** 'the views thread', 'the analysis process' without its article, as messages say it. */
  private get name(): string {
    return `${this.options.name ?? 'worker'} ${this.opener.kind}`;
  }

  /** The process being talked to, if the other end is one and it runs. */
  get pid(): number | undefined {
    return this.worker?.pid;
  }

  /** Starts the thread now rather than at the first call. */
  start(): void {
    this.thread();
  }

  /** Whether the thread keeps the process alive while no call waits on it (a call always does). */
  ref(keepAlive: boolean): void {
    this.keepAlive = keepAlive;
    this.refresh();
  }

  call<K extends keyof T & string>(
    method: K,
    args: Parameters<T[K]>,
    options: CallOptions = {},
  ): Promise<Unwrapped<ReturnType<T[K]>>> {
    if (this.disposed) return Promise.reject(new ThreadCallError('DISPOSED', `The ${this.name} was closed`));
    if (options.signal?.aborted)
      return Promise.reject(new ThreadCallError('ABORTED', `${method} on the ${this.name} was cancelled`));
    const worker = this.thread();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const onAbort = () =>
        settle(() => reject(new ThreadCallError('ABORTED', `${method} on the ${this.name} was cancelled`)));
      const settle = (finish: () => void) => {
        if (!this.pending.delete(id)) return;
        this.refresh();
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        finish();
      };
      this.pending.set(id, {
        worker,
        resolve: (value) => settle(() => resolve(value as Unwrapped<ReturnType<T[K]>>)),
        reject: (error) => settle(() => reject(error)),
      });
      worker.ref(true);
      if (options.timeoutMs !== undefined) {
        timer = setTimeout(
          () =>
            settle(() =>
              reject(new ThreadCallError('TIMEOUT', `The ${this.name} took over ${options.timeoutMs} ms on ${method}`)),
            ),
          options.timeoutMs,
        );
      }
      options.signal?.addEventListener('abort', onAbort, { once: true });
      worker.post({ channelCall: id, method, args } satisfies CallMessage, options.transfer ?? []);
    });
  }

  /** Ends the thread now (its calls are rejected with DISPOSED); the next call starts a new one. */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    this.rejectAll(new ThreadCallError('DISPOSED', `The ${this.name} was stopped`), worker);
    await worker.terminate();
  }

  /** Ends the thread for good; calls still waiting are rejected with DISPOSED. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const worker = this.worker;
    this.worker = null;
    this.rejectAll(new ThreadCallError('DISPOSED', `The ${this.name} was closed`));
    if (worker) await worker.terminate();
  }

  private refresh(): void {
    const worker = this.worker;
    if (!worker) return;
    const waitedOn = [...this.pending.values()].some((pending) => pending.worker === worker);
    worker.ref(waitedOn || this.keepAlive);
  }

  private thread(): ChannelEnd {
    if (this.worker) return this.worker;
    const worker = this.opener.open();
    if (!this.keepAlive) worker.ref(false);
    worker.onMessage((message: unknown) => {
      if (!isReply(message)) return;
      const pending = this.pending.get(message.channelReply);
      if (!pending) return;
      if (message.ok) pending.resolve(message.value);
      else pending.reject(new ThreadCallError('FAILED', message.message, message.code));
    });
    worker.onError((err) => {
      // A thread's uncaught error ends it: the parent is the one that can put it in the log.
      log.error(`tonearm: the ${this.name} crashed:`, err);
      if (this.worker === worker) this.worker = null;
      this.rejectAll(new ThreadCallError('THREAD_CRASHED', `The ${this.name} failed: ${err.message}`), worker);
    });
    worker.onExit((code) => {
      const how = code === null ? 'killed' : `exit code ${code}`;
      // Still current: nobody stopped it (stop() and dispose() let go of it first).
      if (this.worker === worker && code !== 0) log.error(`tonearm: the ${this.name} exited (${how})`);
      if (this.worker === worker) this.worker = null;
      this.rejectAll(new ThreadCallError('THREAD_EXITED', `The ${this.name} stopped (${how})`), worker);
    });
    this.worker = worker;
    return worker;
  }

  private rejectAll(error: ThreadCallError, of?: ChannelEnd): void {
    for (const pending of [...this.pending.values()]) if (!of || pending.worker === of) pending.reject(error);
  }
}

/** A thread of the parser bundle's one entry, started to do the job its start data names. */
export function openThread<T extends ThreadApi>(
  entry: string | URL,
  start: ThreadStart,
  options: Omit<WorkerOptions, 'workerData'> = {},
): ThreadChannel<T> {
  return new ThreadChannel<T>(entry, { name: start.thread, ...options, workerData: start });
}
