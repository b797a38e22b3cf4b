// Both ends of the inventory thread. Its entry is the parser bundle's entry
// (src/main/parser/index.ts), which hands over here when started with role 'inventory'.
// The thread lives across scans: its JIT stays warm and it keeps its fingerprint cache.
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { SplitWalker } from './split-walk.ts';
import type { Diff } from './diff.ts';
import { runInventory, type InventoryInput } from './inventory-job.ts';
import { packFiles, transferables, type PackedFiles } from './pack-files.ts';

type ToInventory = { id: number; input: InventoryInput };
export type InventoryResult =
  | {
      online: true;
      diff: Omit<Diff, 'added'>;
      added: PackedFiles;
      folderCovers: Map<string, string>;
      filesFound: number;
    }
  | { online: false; reason: string };

type FromInventory =
  | { id: number; type: 'progress'; filesSeen: number }
  | { id: number; type: 'done'; outcome: InventoryResult }
  | { id: number; type: 'error'; message: string };

export interface InventoryWorkerData {
  role: 'inventory';
  /** The parser bundle's entry, for the thread's own helper thread. */
  entry: string;
}

/** Inside the thread: one request at a time, in order. */
export function runInventoryWorker(): void {
  const port = parentPort!;
  const walker = new SplitWalker((workerData as InventoryWorkerData).entry);
  let chain = Promise.resolve();
  port.on('message', ({ id, input }: ToInventory) => {
    chain = chain.then(() =>
      runInventory(input, walker, (filesSeen) =>
        port.postMessage({ id, type: 'progress', filesSeen } satisfies FromInventory),
      ).then(
        (outcome) => {
          if (!outcome.online) return port.postMessage({ id, type: 'done', outcome } satisfies FromInventory);
          const { added, ...diff } = outcome.diff;
          const packed = packFiles(added);
          const result: InventoryResult = { ...outcome, diff, added: packed };
          port.postMessage({ id, type: 'done', outcome: result } satisfies FromInventory, transferables(packed));
        },
        (err: unknown) =>
          port.postMessage({ id, type: 'error', message: (err as Error).message } satisfies FromInventory),
      ),
    );
  });
}

/** In the main process: the thread, started on first use and replaced if a scan is cancelled. */
export class InventoryThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly entry: string;
  private readonly pending = new Map<number, (message: FromInventory) => void>();

  constructor(entry: string) {
    this.entry = entry;
  }

  /** Runs one root's inventory; resolves null if aborted (the thread is then stopped). */
  run(
    input: InventoryInput,
    onProgress: (filesSeen: number) => void,
    signal: AbortSignal,
  ): Promise<InventoryResult | null> {
    const worker = this.start();
    const id = this.nextId++;
    worker.ref();
    return new Promise<InventoryResult | null>((resolve, reject) => {
      const onAbort = () => {
        this.pending.delete(id);
        this.stop();
        resolve(null);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, (message) => {
        if (message.type === 'progress') return onProgress(message.filesSeen);
        this.pending.delete(id);
        signal.removeEventListener('abort', onAbort);
        if (this.pending.size === 0) worker.unref();
        if (message.type === 'done') resolve(message.outcome);
        else reject(new Error(message.message));
      });
      worker.postMessage({ id, input } satisfies ToInventory);
    });
  }

  stop(): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
    const failed = [...this.pending.values()];
    this.pending.clear();
    for (const settle of failed) settle({ id: 0, type: 'error', message: 'The inventory thread was stopped' });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.entry, {
      workerData: { role: 'inventory', entry: this.entry } satisfies InventoryWorkerData,
    });
    worker.on('message', (message: FromInventory) => this.pending.get(message.id)?.(message));
    const fail = (message: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      const failed = [...this.pending.values()];
      this.pending.clear();
      for (const settle of failed) settle({ id: 0, type: 'error', message });
    };
    worker.on('error', (err) => fail(`The inventory thread failed: ${err.message}`));
    worker.on('exit', (code) => fail(`The inventory thread stopped (exit code ${code})`));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
