// Run by the crash test as its own process, then killed with SIGKILL at a random moment: it
// caches a file over and over (clearing in between) so that chunk writes are always under way.
import { openCatalog } from '../../src/main/core/catalog/index.ts';
import { catalogWriter, localCache } from './local-cache.ts';

const [dbPath, cacheDir, file, rootIdText] = process.argv.slice(2) as [string, string, string, string];
const rootId = Number(rootIdText);
const catalog = openCatalog(dbPath);
const writer = catalogWriter(catalog);
const cache = localCache(catalog, writer.write, cacheDir, {
  chunkBytes: 16 * 1024,
  lookaheadChunks: 8,
  backgroundFill: true,
});
for (let cycle = 0; ; cycle++) {
  const opened = await cache.open(file, rootId, catalog.cache.rootState(rootId)!, performance.now());
  cache.hint({ path: file, rootId }, null);
  for await (const _ of opened!.source.stream(0, opened!.size - 1, new AbortController().signal)) {
    // only the writes behind the reads matter
  }
  await cache.idle();
  process.stdout.write(`cycle ${cycle}\n`);
  // Keep half of the cycles' chunks on disk, so that the crash finds recorded chunks too.
  if (cycle % 2 === 1) {
    cache.hint(null, null);
    await cache.clear();
  }
}
