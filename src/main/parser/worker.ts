// A worker thread of the parser process: parses the files it is handed, one result each.
// Local files come in batches and are parsed one after another, their results sent back in
// batches too: a message each way per file cost a tenth of an import. Before each local file
// the worker writes that file's number into shared memory, so that the parser process knows
// which file a hang or a crash happened on without a message per file.
import { parentPort } from 'node:worker_threads';
import type { StartOf } from '../common/thread-start.ts';
import { CoverStore } from '../common/cover-store.ts';
import { parseFile } from './parse-file.ts';
import type { ParseRequestFile, ParseResult } from '../common/parse-protocol.ts';

export interface NumberedFile {
  file: ParseRequestFile;
  /** Numbers this worker's local files in the order they are sent, from 1. */
  seq: number;
}

export type ToWorker =
  { type: 'local'; files: NumberedFile[] } | { type: 'network'; file: ParseRequestFile } | { type: 'exit' };
export type FromWorker = { type: 'results'; results: ParseResult[] };

/** Results go back this many at a time, and whenever the queue runs dry. */
const RESULTS_PER_MESSAGE = 16;

export function runWorker(init: StartOf<'parse'>): void {
  const port = parentPort!;
  const covers = new CoverStore(init.coversDir);
  const progress = new Int32Array(init.progress);
  const queue: NumberedFile[] = [];
  let draining = false;

  const parse = async (file: ParseRequestFile): Promise<ParseResult> => ({
    ...(await parseFile(file, covers)),
    job: file.job,
  });

  const drain = async () => {
    draining = true;
    let results: ParseResult[] = [];
    while (queue.length > 0) {
      const { file, seq } = queue.shift()!;
      Atomics.store(progress, 0, seq);
      results.push(await parse(file));
      if (results.length >= RESULTS_PER_MESSAGE || queue.length === 0) {
        port.postMessage({ type: 'results', results } satisfies FromWorker);
        results = [];
      }
    }
    draining = false;
  };

  port.on('message', async (message: ToWorker) => {
    // In a worker thread this ends the thread only.
    if (message.type === 'exit') process.exit(0);
    if (message.type === 'network') {
      // Network files are parsed many at once: each read waits on a round trip.
      port.postMessage({ type: 'results', results: [await parse(message.file)] } satisfies FromWorker);
      return;
    }
    queue.push(...message.files);
    if (!draining) await drain();
  });
}
