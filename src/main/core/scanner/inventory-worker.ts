// Both ends of the inventory worker thread. The thread's entry is the parser bundle's entry
// (src/main/parser/index.ts), which hands over here when started with role 'inventory'.
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { runInventory, type InventoryInput, type InventoryOutcome } from './inventory-job.ts';

type FromInventory =
  | { type: 'progress'; filesSeen: number }
  | { type: 'done'; outcome: InventoryOutcome }
  | { type: 'error'; message: string };

export interface InventoryWorkerData {
  role: 'inventory';
  input: InventoryInput;
}

export function isInventoryWorker(data: unknown): data is InventoryWorkerData {
  return (data as InventoryWorkerData | null)?.role === 'inventory';
}

/** Inside the thread. */
export function runInventoryWorker(): void {
  const port = parentPort!;
  const { input } = workerData as InventoryWorkerData;
  runInventory(input, (filesSeen) => port.postMessage({ type: 'progress', filesSeen } satisfies FromInventory)).then(
    (outcome) => port.postMessage({ type: 'done', outcome } satisfies FromInventory),
    (err: unknown) => port.postMessage({ type: 'error', message: (err as Error).message } satisfies FromInventory),
  );
}

/** In the main process: runs one root's inventory in a thread; aborting terminates it. */
export function inventoryInWorker(
  entry: string,
  input: InventoryInput,
  onProgress: (filesSeen: number) => void,
  signal: AbortSignal,
): Promise<InventoryOutcome | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: { role: 'inventory', input } satisfies InventoryWorkerData });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    const onAbort = () => settle(() => resolve(null));
    signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: FromInventory) => {
      if (message.type === 'progress') onProgress(message.filesSeen);
      else if (message.type === 'done') settle(() => resolve(message.outcome));
      else settle(() => reject(new Error(message.message)));
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`The inventory thread stopped (exit code ${code})`))));
  });
}
