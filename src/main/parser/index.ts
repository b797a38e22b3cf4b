// Entry of the parser: the same file is the parser process (a utilityProcess in the app, a
// child process elsewhere), the analysis process and every thread the engine starts, each
// told its job by its start data (common/thread-start.ts). One entry in the build, and the
// source runs as is.
import { isMainThread, workerData } from 'node:worker_threads';
import { processStartOf, type StartOf, type ThreadName, type ThreadStart } from '../common/thread-start.ts';

type Starters = { [N in ThreadName]: (start: StartOf<N>) => Promise<void> };

const starters: Starters = {
  parse: async (start) => {
    // Before music-metadata is loaded in this thread.
    (await import('./music-metadata-patches.ts')).patchMusicMetadata();
    (await import('./worker.ts')).runWorker(start);
  },
  views: async (start) => (await import('../core/views/worker.ts')).runViewsWorker(start),
  writer: async (start) => (await import('../core/catalog/writer-thread.ts')).runWriterWorker(start),
  tags: async (start) => (await import('../core/tags/tag-thread.ts')).runTagThread(start),
  inventory: async (start) => (await import('../core/scanner/inventory-worker.ts')).runInventoryWorker(start),
  walk: async () => (await import('../core/scanner/split-walk.ts')).runWalkWorker(),
  share: async () => (await import('../core/cache/share-io.ts')).runShareThread(),
  similarity: async (start) => (await import('../core/similarity/neighbours-thread.ts')).runNeighboursThread(start),
  analysis: async (start) => (await import('../core/similarity/analysis-process.ts')).runAnalysisProcess(start),
};

const processStart = isMainThread ? processStartOf(process.argv) : null;
if (isMainThread && !processStart) {
  const entry = new URL(import.meta.url);
  void import('./process.ts').then(({ runParserProcess }) => runParserProcess(entry));
} else {
  const start = processStart ?? (workerData as ThreadStart);
  const run = starters[start.thread] as ((start: ThreadStart) => Promise<void>) | undefined;
  if (!run) throw new Error(`This bundle has no thread named ${String(start.thread)}`);
  // One that cannot start fails as a crash would, so its channel rejects what waits on it.
  run(start).catch((err: unknown) =>
    process.nextTick(() => {
      throw err;
    }),
  );
}
