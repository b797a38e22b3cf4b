// Entry of the parser: the same file is the parser process (a utilityProcess in the app, a
// child process elsewhere), each of its tag-parsing threads, the scanner's inventory
// thread and the views thread. One entry in the build, and the source runs as is.
import { isMainThread, workerData } from 'node:worker_threads';

const entry = new URL(import.meta.url);
if (isMainThread) {
  void import('./process.ts').then(({ runParserProcess }) => runParserProcess(entry));
} else if ((workerData as { role?: string } | null)?.role === 'views') {
  void import('../core/views/worker.ts').then(({ runViewsWorker }) => runViewsWorker());
} else if ((workerData as { role?: string } | null)?.role === 'writer') {
  void import('../core/catalog/writer-thread.ts').then(({ runWriterWorker }) => runWriterWorker());
} else if ((workerData as { role?: string } | null)?.role === 'walk') {
  void import('../core/scanner/split-walk.ts').then(({ runWalkWorker }) => runWalkWorker());
} else if ((workerData as { role?: string } | null)?.role === 'inventory') {
  void import('../core/scanner/inventory-worker.ts').then(({ runInventoryWorker }) => runInventoryWorker());
} else {
  // Before music-metadata is loaded in this thread.
  void import('./music-metadata-patches.ts')
    .then(({ patchMusicMetadata }) => patchMusicMetadata())
    .then(() => import('./worker.ts'))
    .then(({ runWorker }) => runWorker());
}
