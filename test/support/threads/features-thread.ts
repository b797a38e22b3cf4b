// A worker thread that analyses files, as the similarity job's low-priority worker does.
import { analyseFile } from '../../../src/main/core/similarity/features/index.ts';
import { serveThread } from '../../../src/main/core/threads/channel.ts';

const api = {
  /** One 20 s excerpt centred at `at`, so a test can tell which part of a file was heard. */
  async analyse(path: string, durationS: number, at: number) {
    const { vector, decoder, excerptS } = await analyseFile(path, { durationS, at, snippets: 1, snippetS: 20 });
    return { vector, decoder, excerptS };
  },
};
export type FeaturesThreadApi = typeof api;

serveThread(api);
