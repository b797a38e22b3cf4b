// The analysis job beside the main process's event loop: a real library scanned into a fresh
// catalog, then the job started as the app starts it, with the main loop's delay sampled
// (monitorEventLoopDelay) while it runs. The job's own pace is the analyser's (S1's figures).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { Core } from '../../src/main/core/core.ts';
import { roundMs } from '../support/stats.ts';

export interface JobFigures {
  tracks: number;
  analysed: number;
  failed: number;
  seconds: number;
  loopP50: number;
  loopP99: number;
  loopMax: number;
}

export async function jobFigures(options: {
  library: string;
  dir: string;
  parserEntry: string;
  analyser?: string;
  maxSeconds: number;
}): Promise<JobFigures> {
  const core = new Core({
    dbPath: join(options.dir, 'job.sqlite'),
    host: 'browser',
    version: 'bench',
    parserEntry: options.parserEntry,
    analyser: options.analyser,
  });
  try {
    await core.addRoot(options.library);
    await core.scanner.start({}).done;
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    const started = performance.now();
    core.similarity.start();
    const deadline = setTimeout(() => void core.similarity.setPaused(true), options.maxSeconds * 1000);
    await core.similarity.idle();
    clearTimeout(deadline);
    histogram.disable();
    const status = await core.similarity.freshStatus();
    const ms = (ns: number) => roundMs(ns / 1e6);
    return {
      tracks: status.total,
      analysed: status.analysed,
      failed: status.failed,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      loopP50: ms(histogram.percentile(50)),
      loopP99: ms(histogram.percentile(99)),
      loopMax: ms(histogram.max),
    };
  } finally {
    await core.close();
  }
}
