import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PendingTrack } from '../../../src/main/core/catalog/reads/vectors.ts';
import type { VectorRecord } from '../../../src/main/core/catalog/vector-writes.ts';
import { AnalysisJob, type AnalysisJobDeps, type JobStatus } from '../../../src/main/core/similarity/analysis-job.ts';
import type { Outcome } from '../../../src/main/core/similarity/analysis-process.ts';
import { ThreadCallError } from '../../../src/main/core/threads/channel.ts';

/** The analysis process's side, in memory: tracks 1..n pending until a record for them is written. */
function fakeJob(
  n: number,
  options: {
    onBattery?: boolean | null | (() => boolean | null);
    enabled?: boolean;
    failing?: number[];
    onAnalyse?: (id: number) => void;
    /** Whether the process dies on this track now (it is asked each time the track is analysed). */
    dies?: (id: number) => boolean;
  } = {},
) {
  const written = new Map<number, VectorRecord>();
  const reports: JobStatus[] = [];
  const analysed: number[] = [];
  const pendingIds = () => Array.from({ length: n }, (_, i) => i + 1).filter((id) => !written.has(id));
  const track = (id: number): PendingTrack => ({
    id,
    path: `/music/${id}.flac`,
    size: 1,
    mtimeNs: '1',
    identity: null,
    network: false,
    durationS: 200,
    stored: null,
  });
  const config = { enabled: options.enabled ?? true, onBattery: false };
  const remote = {
    describe: async () => ({ featureVersion: 1, weights: null }),
    counts: async () => {
      const records = [...written.values()];
      const failed = records.filter((record) => record.vector === null).length;
      return { total: n, analysed: records.length - failed, failed, pending: pendingIds().length };
    },
    next: async (after: number, limit: number) =>
      pendingIds()
        .filter((id) => id > after)
        .slice(0, limit)
        .map(track),
    analyse: async (t: PendingTrack): Promise<Outcome> => {
      if (options.dies?.(t.id)) throw new ThreadCallError('THREAD_EXITED', 'The analysis process stopped (killed)');
      analysed.push(t.id);
      options.onAnalyse?.(t.id);
      await new Promise((resolve) => setImmediate(resolve));
      const failed = options.failing?.includes(t.id) ?? false;
      return {
        kind: 'vector',
        analysed: true,
        record: {
          trackId: t.id,
          featureVersion: 1,
          size: 1,
          mtimeNs: '1',
          audioKey: `k${t.id}`,
          vector: failed ? null : Float32Array.of(t.id),
          error: failed ? 'Cannot decode' : null,
          excerptStartS: 0,
          excerptS: 30,
          cpuMs: 50,
        },
      };
    },
    cancel: async () => {},
  };
  const processes = { stopped: 0 };
  const onBattery = options.onBattery;
  const deps: AnalysisJobDeps = {
    analysis: { remote, stop: async () => void processes.stopped++, dispose: async () => {} },
    putVectors: async (records) => {
      for (const record of records) written.set(record.trackId, record);
    },
    restampVectors: async () => {},
    config: () => config,
    onBattery: async () => (typeof onBattery === 'function' ? onBattery() : (onBattery ?? null)),
    report: (status) => reports.push(status),
  };
  return { job: new AnalysisJob(deps), written, reports, analysed, config, processes };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the analysis job', () => {
  it('analyses every pending track once, writes them all, and reports progress with an ETA', async () => {
    const { job, written, reports, analysed } = fakeJob(150, { failing: [7] });
    job.poke();
    await job.idle();
    expect(analysed).toHaveLength(150);
    expect(written.size).toBe(150);
    expect(job.status()).toMatchObject({
      total: 150,
      analysed: 149,
      failed: 1,
      pending: 0,
      running: false,
      reason: null,
    });
    expect(reports.at(0)).toMatchObject({ running: true, pending: 150 });
    expect(reports.some((status) => status.etaS !== null)).toBe(true);
  });

  it('does not run while turned off, and says why', async () => {
    const { job, analysed, config } = fakeJob(5, { enabled: false });
    job.poke();
    await job.idle();
    expect(analysed).toEqual([]);
    expect(job.status()).toMatchObject({ running: false, reason: expect.stringMatching(/turned off/) });
    config.enabled = true;
    job.poke();
    await job.idle();
    expect(analysed).toHaveLength(5);
  });

  it('waits on battery unless allowed, and runs on the mains or where the platform does not say', async () => {
    const onBattery = fakeJob(3, { onBattery: true });
    onBattery.job.poke();
    await onBattery.job.idle();
    expect(onBattery.analysed).toEqual([]);
    expect(onBattery.job.status().reason).toMatch(/battery/);
    onBattery.config.onBattery = true;
    onBattery.job.poke();
    await onBattery.job.idle();
    expect(onBattery.analysed).toHaveLength(3);
    const unknown = fakeJob(3, { onBattery: null });
    unknown.job.poke();
    await unknown.job.idle();
    expect(unknown.analysed).toHaveLength(3);
  });

  it('stops when paused, keeps what it did, and goes on from there when resumed', async () => {
    const { job, written, analysed } = fakeJob(100, {
      onAnalyse: (id) => {
        if (id === 30) job.setPaused(true);
      },
    });
    job.poke();
    await job.idle();
    expect(job.status()).toMatchObject({ paused: true, running: false, reason: expect.stringMatching(/paused/) });
    expect(written.size).toBe(analysed.length);
    expect(analysed.length).toBeLessThan(100);
    job.setPaused(false);
    await job.idle();
    expect(written.size).toBe(100);
    expect(new Set(analysed).size).toBe(analysed.length);
  });

  it('stops its process when a pass ends, so its memory is not kept between passes', async () => {
    const { job, processes } = fakeJob(3);
    job.poke();
    await job.idle();
    expect(processes.stopped).toBe(1);
  });

  it('looks at the power again while it waits for the mains, and stops looking when closed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let battery = true;
    let looks = 0;
    const { job, analysed } = fakeJob(3, { onBattery: () => (looks++, battery) });
    job.poke();
    await job.idle();
    expect(job.status().reason).toMatch(/battery/);
    await vi.advanceTimersByTimeAsync(60_000);
    await job.idle();
    expect(looks).toBe(2);
    expect(analysed).toEqual([]);
    battery = false;
    await vi.advanceTimersByTimeAsync(60_000);
    await job.idle();
    expect(analysed).toEqual([1, 2, 3]);
    expect(job.status().reason).toBeNull();
    expect(vi.getTimerCount()).toBe(0);

    const closing = fakeJob(3, { onBattery: () => (looks++, true) });
    closing.job.poke();
    await closing.job.idle();
    expect(vi.getTimerCount()).toBe(1);
    await closing.job.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('tries again a while after its process dies, and goes on where it was', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const diesOn = [5, 8];
    const { job, written, analysed } = fakeJob(10, { dies: (id) => diesOn[0] === id && diesOn.shift() === id });
    job.poke();
    await job.idle();
    expect(job.status()).toMatchObject({ running: false, reason: expect.stringMatching(/stopped.*again in 15 s/) });
    expect(written.size).toBe(4);
    await vi.advanceTimersByTimeAsync(15_000);
    await job.idle();
    // Tracks were analysed between the two deaths: not in a row, so no longer a wait.
    expect(job.status().reason).toMatch(/again in 15 s/);
    expect(written.size).toBe(7);
    await vi.advanceTimersByTimeAsync(15_000);
    await job.idle();
    expect(job.status()).toMatchObject({ reason: null, pending: 0, analysed: 10 });
    expect(new Set(analysed).size).toBe(10);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves out a file the process died on twice in a row, written as failed, and goes on past it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { job, written, analysed } = fakeJob(6, { dies: (id) => id === 3 });
    job.poke();
    await job.idle();
    await vi.advanceTimersByTimeAsync(15_000);
    await job.idle();
    expect(job.status().reason).toMatch(/music\/3\.flac is left out .*again in 60 s/);
    await vi.advanceTimersByTimeAsync(60_000);
    await job.idle();
    expect(analysed).toEqual([1, 2, 4, 5, 6]);
    expect(written.get(3)).toMatchObject({ vector: null, error: expect.stringMatching(/stopped twice on this file/) });
    expect(job.status()).toMatchObject({ reason: null, pending: 0, analysed: 5, failed: 1 });
  });

  it('gives up after a few deaths in a row until something pokes it, never looping', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let attempts = 0;
    const { job } = fakeJob(3, { dies: () => (attempts++, true) });
    job.poke();
    await job.idle();
    for (const wait of [15_000, 60_000, 300_000]) {
      await vi.advanceTimersByTimeAsync(wait);
      await job.idle();
    }
    expect(attempts).toBe(4);
    expect(job.status().reason).toMatch(/stopped \(killed\), 4 times in a row; .* after the next scan/);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(attempts).toBe(4);
    job.poke();
    await job.idle();
    expect(attempts).toBe(5);
  });
});
