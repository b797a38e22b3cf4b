import { describe, expect, it } from 'vitest';
import type { PendingTrack } from '../../../src/main/core/catalog/reads/vectors.ts';
import type { VectorRecord } from '../../../src/main/core/catalog/vector-writes.ts';
import { AnalysisJob, type AnalysisJobDeps, type JobStatus } from '../../../src/main/core/similarity/analysis-job.ts';
import type { Outcome } from '../../../src/main/core/similarity/analysis-thread.ts';

/** The analysis thread's side, in memory: tracks 1..n pending until a record for them is written. */
function fakeJob(
  n: number,
  options: { onBattery?: boolean | null; enabled?: boolean; failing?: number[]; onAnalyse?: (id: number) => void } = {},
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
  const deps: AnalysisJobDeps = {
    thread: { remote, dispose: async () => {} } as unknown as AnalysisJobDeps['thread'],
    putVectors: async (records) => {
      for (const record of records) written.set(record.trackId, record);
    },
    restampVectors: async () => {},
    config: () => config,
    onBattery: async () => options.onBattery ?? null,
    report: (status) => reports.push(status),
  };
  return { job: new AnalysisJob(deps), written, reports, analysed, config };
}

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
});
