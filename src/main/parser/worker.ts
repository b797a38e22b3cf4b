// A worker thread of the parser process: parses the files it is handed, one result each.
import { parentPort, workerData } from 'node:worker_threads';
import { CoverStore } from './covers.ts';
import { parseFile } from './parse-file.ts';
import type { ParseRequestFile, ParseResult } from './protocol.ts';

export type ToWorker = { type: 'file'; file: ParseRequestFile } | { type: 'exit' };
export type FromWorker = { type: 'result'; result: ParseResult };
export interface WorkerInit {
  coversDir: string;
}

export function runWorker(): void {
  const port = parentPort!;
  const covers = new CoverStore((workerData as WorkerInit).coversDir);
  port.on('message', async (message: ToWorker) => {
    // In a worker thread this ends the thread only.
    if (message.type === 'exit') process.exit(0);
    const result = { ...(await parseFile(message.file, covers)), job: message.file.job };
    port.postMessage({ type: 'result', result } satisfies FromWorker);
  });
}
