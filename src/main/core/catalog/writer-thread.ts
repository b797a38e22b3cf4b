// Both ends of the catalog's writer thread. An import writes tens of thousands of rows, each
// updating a dozen indexes and the search index: done on the main process's event loop, that
// work alone made it stall for tens of milliseconds at a time. The thread has its own
// connection (WAL: one writer at a time, readers never wait) and its entry is the parser
// bundle's entry, started with role 'writer'.
import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { LibraryChange } from '../../../shared/domain.ts';
import type { ParseResult } from '../../common/parse-protocol.ts';
import { ChangeLog } from './changes.ts';
import { LibraryWriter, type FileContext } from './library-writer.ts';
import { purgeMissing, removeOrphans } from './maintenance.ts';
import { openDatabase } from './open.ts';

export type WriteBatch = readonly { result: ParseResult; context: FileContext }[];

type Request =
  | { op: 'begin' }
  | { op: 'prepareMoves'; missingIds: readonly number[] }
  | { op: 'writeBatch'; batch: WriteBatch }
  | { op: 'clearMissing'; ids: readonly number[] }
  | { op: 'finish'; missingIds: readonly number[]; purgeBefore: number; orphans: boolean }
  | { op: 'indexSearch' };

interface Replies {
  begin: null;
  prepareMoves: null;
  writeBatch: { change: LibraryChange; moved: number };
  clearMissing: LibraryChange | null;
  finish: { missing: LibraryChange | null; missingCount: number; removed: LibraryChange | null; removedCount: number };
  indexSearch: LibraryChange | null;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

export interface WriterWorkerData {
  role: 'writer';
  dbPath: string;
}

/** Inside the thread. */
export function runWriterWorker(): void {
  const port = parentPort!;
  const { db } = openDatabase((workerData as WriterWorkerData).dbPath);
  const changes = new ChangeLog(db);
  let writer = new LibraryWriter(db, changes);
  const handle = (request: Request): unknown => {
    switch (request.op) {
      case 'begin':
        writer = new LibraryWriter(db, changes);
        return null;
      case 'prepareMoves':
        writer.prepareMoves(request.missingIds);
        return null;
      case 'writeBatch':
        return { change: writer.writeBatch(request.batch), moved: writer.moved };
      case 'clearMissing':
        return writer.clearMissing(request.ids);
      case 'finish': {
        // Missing tracks a moved file did not claim are really missing; long-missing ones go.
        const missingIds = request.missingIds.filter((id) => !writer.claimed.has(id));
        const missing = writer.markMissing(missingIds);
        const removedIds = purgeMissing(db, request.purgeBefore);
        const removed =
          removedIds.length > 0
            ? changes.append({ added: [], updated: [], removed: removedIds, structural: true })
            : null;
        // Albums, artists or genres can only lose their last track if tracks changed.
        if (request.orphans || removedIds.length > 0) removeOrphans(db);
        return { missing, missingCount: missingIds.length, removed, removedCount: removedIds.length };
      }
      case 'indexSearch':
        // Searches answered while tracks waited are out of date: a change tells the views.
        return db.transaction(() => (writer.search.catchUp() ? changes.appendStructural() : null))();
    }
  };
  port.on('message', ({ id, request }: { id: number; request: Request }) => {
    try {
      port.postMessage({ id, ok: true, value: handle(request) } satisfies Reply);
    } catch (err) {
      port.postMessage({ id, ok: false, message: (err as Error).message } satisfies Reply);
    }
  });
}

/** In the main process: the thread, started on first use, answering in order. */
export class WriterThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  private readonly entry: string;
  private readonly dbPath: string;

  constructor(entry: string, dbPath: string) {
    this.entry = entry;
    this.dbPath = dbPath;
  }

  begin = () => this.ask<'begin'>({ op: 'begin' });
  prepareMoves = (missingIds: readonly number[]) => this.ask<'prepareMoves'>({ op: 'prepareMoves', missingIds });
  writeBatch = (batch: WriteBatch) => this.ask<'writeBatch'>({ op: 'writeBatch', batch });
  clearMissing = (ids: readonly number[]) => this.ask<'clearMissing'>({ op: 'clearMissing', ids });
  finish = (missingIds: readonly number[], purgeBefore: number, orphans: boolean) =>
    this.ask<'finish'>({ op: 'finish', missingIds, purgeBefore, orphans });
  /** Whatever the search index still lacks of this scan's tracks, indexed now. */
  indexSearch = () => this.ask<'indexSearch'>({ op: 'indexSearch' });

  stop(): Promise<number> | undefined {
    const worker = this.worker;
    this.worker = null;
    return worker?.terminate();
  }

  private ask<K extends keyof Replies>(request: Extract<Request, { op: K }>): Promise<Replies[K]> {
    const worker = this.start();
    const id = this.nextId++;
    worker.ref();
    return new Promise<Replies[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, request });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.entry, {
      workerData: { role: 'writer', dbPath: this.dbPath } satisfies WriterWorkerData,
    });
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) waiting?.resolve(reply.value);
      else waiting?.reject(new Error(reply.message));
    });
    const fail = (message: string) => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(new Error(message));
      this.pending.clear();
    };
    worker.on('error', (err) => fail(`The catalog writer failed: ${err.message}`));
    worker.on('exit', (code) => fail(`The catalog writer stopped (exit code ${code})`));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
