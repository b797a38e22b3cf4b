// Both ends of the inventory thread. The thread lives across scans: its JIT stays warm and it
// keeps its fingerprint cache.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { StartOf } from '../../common/thread-start.ts';
import { openThread, serveThread, ThreadCallError, Transfer } from '../threads/channel.ts';
import { SplitWalker } from './split-walk.ts';
import type { Diff } from './diff.ts';
import { runInventory, type InventoryInput } from './inventory-job.ts';
import { packFiles, transferables, type PackedFiles } from './pack-files.ts';

export type InventoryResult =
  | {
      online: true;
      diff: Omit<Diff, 'added'>;
      added: PackedFiles;
      folderCovers: Map<string, string>;
      filesFound: number;
    }
  | { online: false; reason: string };

function inventoryOperations(walker: SplitWalker) {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    /** One root's inventory; the files seen so far are posted on `progress` as it goes. */
    run(input: InventoryInput, progress: MessagePort) {
      // One at a time, in order: two walks at once would only share the disk.
      const job = chain.then(async () => {
        try {
          const outcome = await runInventory(input, walker, (filesSeen) => progress.postMessage(filesSeen));
          if (!outcome.online) return outcome;
          const { added, ...diff } = outcome.diff;
          const packed = packFiles(added);
          const result: InventoryResult = { ...outcome, diff, added: packed };
          return new Transfer(result, transferables(packed));
        } finally {
          progress.close();
        }
      });
      chain = job.catch(() => {});
      return job;
    },
  };
}
type InventoryApi = ReturnType<typeof inventoryOperations>;

/** Inside the thread. */
export function runInventoryWorker(start: StartOf<'inventory'>): void {
  serveThread(inventoryOperations(new SplitWalker(start.entry)));
}

/** In the main process: the thread, started on first use and replaced if a scan is cancelled. */
export class InventoryThread {
  private readonly channel;

  constructor(entry: string) {
    this.channel = openThread<InventoryApi>(entry, { thread: 'inventory', entry });
    this.channel.ref(false);
  }

  /** Runs one root's inventory; resolves null if aborted (the thread is then stopped). */
  async run(
    input: InventoryInput,
    onProgress: (filesSeen: number) => void,
    signal: AbortSignal,
  ): Promise<InventoryResult | null> {
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (filesSeen: number) => onProgress(filesSeen));
    try {
      return await this.channel.call('run', [input, port2], { signal, transfer: [port2] });
    } catch (err) {
      if (!(err instanceof ThreadCallError) || err.code !== 'ABORTED') throw err;
      // A walk cannot be taken back: the thread doing it goes, a fresh one serves the next scan.
      void this.channel.stop();
      return null;
    } finally {
      port1.close();
    }
  }

  stop(): void {
    void this.channel.stop();
  }
}
