// A worker thread that analyses files, as the similarity job's low-priority worker does.
import { analyseFile } from '../../../src/main/core/similarity/features/index.ts';
import { serveThread } from '../../../src/main/core/threads/channel.ts';

const api = {
  async analyse(path: string, durationS: number, at: number) {
    const { vector, decoder, excerptS } = await analyseFile(path, { durationS, at });
    return { vector, decoder, excerptS };
  },
};
export type FeaturesThreadApi = typeof api;

serveThread(api);
