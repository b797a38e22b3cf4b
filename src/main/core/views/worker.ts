// Both ends of the views thread. Its entry is the parser bundle's entry
// (src/main/parser/index.ts), which hands over here when started with role 'views'. The thread
// keeps its own read-only connection (WAL lets it read while the main process writes) and
// the snapshots, so that no sort of 250k rows ever runs on the main process's event loop.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { TonearmError, type ErrorCode } from '../../../shared/result.ts';
import { ViewsEngine } from './engine.ts';

type EngineApi = Pick<ViewsEngine, 'open' | 'window' | 'ids' | 'search' | 'album' | 'artist' | 'folders' | 'warm'>;
export type ViewsMethod = keyof EngineApi;
/** The engine's methods, answered through the thread. */
export type ViewsApi = {
  [K in ViewsMethod]: (...args: Parameters<EngineApi[K]>) => Promise<ReturnType<EngineApi[K]>>;
};

export interface ViewsWorkerData {
  role: 'views';
  dbPath: string;
}

type ToViews = { id: number; method: ViewsMethod; args: unknown[] };
type FromViews = { id: number; ok: true; value: unknown } | { id: number; ok: false; code: ErrorCode; message: string };

/** Inside the thread: requests are answered one at a time, in order. */
export function runViewsWorker(): void {
  const port = parentPort!;
  const { dbPath } = workerData as ViewsWorkerData;
  let engine: ViewsEngine | null = null;
  let settling: NodeJS.Immediate | null = null;
  port.on('message', ({ id, method, args }: ToViews) => {
    try {
      if (!engine) {
        const db = new Database(dbPath, { readonly: true, fileMustExist: true });
        // Orders are held in memory once read: a small page cache does (the OS keeps the file).
        db.pragma('cache_size = -16000');
        db.pragma('busy_timeout = 5000');
        engine = new ViewsEngine(db);
      }
      const call = engine[method] as (...a: unknown[]) => unknown;
      port.postMessage({ id, ok: true, value: call.apply(engine, args) } satisfies FromViews);
      // A list opened with its first rows only has them now; the rest of its order is read
      // once the requests already waiting (its next window, another click) are answered.
      const idle = engine;
      settling ??= setImmediate(() => {
        settling = null;
        try {
          idle.settle();
        } catch (err) {
          console.error('tonearm: the views thread could not finish reading an order:', err);
        }
      });
    } catch (err) {
      const code = err instanceof TonearmError ? err.code : 'INTERNAL';
      port.postMessage({ id, ok: false, code, message: (err as Error).message } satisfies FromViews);
    }
  });
}

/** In the main process: the thread, started at once and restarted if it ever dies. */
export class ViewsThread implements ViewsApi {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly entry: string;
  private readonly dbPath: string;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();

  constructor(entry: string, dbPath: string) {
    this.entry = entry;
    this.dbPath = dbPath;
  }

  open: ViewsApi['open'] = (...args) => this.call('open', args);
  window: ViewsApi['window'] = (...args) => this.call('window', args);
  ids: ViewsApi['ids'] = (...args) => this.call('ids', args);
  search: ViewsApi['search'] = (...args) => this.call('search', args);
  album: ViewsApi['album'] = (...args) => this.call('album', args);
  artist: ViewsApi['artist'] = (...args) => this.call('artist', args);
  folders: ViewsApi['folders'] = (...args) => this.call('folders', args);
  warm: ViewsApi['warm'] = () => this.call('warm', []);

  /** Starts the thread ahead of the first view, so that its start-up is not on the first paint. */
  start(): void {
    this.warm().catch(() => {});
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.fail('The views thread was stopped');
    await worker?.terminate();
  }

  private call<T>(method: ViewsMethod, args: unknown[]): Promise<T> {
    const worker = this.ensure();
    const id = this.nextId++;
    worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, method, args } satisfies ToViews);
    });
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.entry, {
      workerData: { role: 'views', dbPath: this.dbPath } satisfies ViewsWorkerData,
      // The thread's own garbage (a search's 200k ids) is collected before its heap grows past
      // this; what it keeps is far smaller (orders and snapshots are bounded above).
      resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 },
    });
    worker.on('message', (message: FromViews) => {
      const settle = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (this.pending.size === 0) worker.unref();
      if (!settle) return;
      if (message.ok) settle.resolve(message.value);
      else settle.reject(new TonearmError(message.code, message.message));
    });
    const died = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.fail(reason);
    };
    worker.on('error', (err) => died(`The views thread failed: ${err.message}`));
    worker.on('exit', (code) => died(`The views thread stopped (exit code ${code})`));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private fail(message: string): void {
    const failed = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of failed) reject(new TonearmError('INTERNAL', message));
  }
}
