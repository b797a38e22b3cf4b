// A share that stopped answering: reported offline once, probed until a file on it opens
// again, then reported back and its waiting readers woken; no timer outlives it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ShareHealth } from '../../../src/main/core/cache/share-health.ts';
import type { ShareIo } from '../../../src/main/core/cache/share-io.ts';

function setup() {
  let answering = false;
  const opened: string[] = [];
  const closed: number[] = [];
  const share = {
    open: async (path: string) => {
      opened.push(path);
      if (!answering) throw Object.assign(new Error('Input/output error'), { code: 'EIO' });
      return 7;
    },
    close: (fd: number) => closed.push(fd),
  } as unknown as ShareIo;
  const reports: [number, boolean, string | null][] = [];
  const events: string[] = [];
  const health = new ShareHealth({
    share,
    timeoutMs: 1000,
    probeIntervalMs: 100,
    reportRoot: (rootId, online, reason) => reports.push([rootId, online, reason]),
    onOffline: (rootId) => events.push(`offline ${rootId}`),
    onOnline: (rootId) => events.push(`online ${rootId}`),
  });
  return { health, reports, events, opened, closed, answer: () => (answering = true) };
}

describe('ShareHealth', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reports a root offline once, probes a file under it, and reports it back when it opens', async () => {
    const { health, reports, events, opened, closed, answer } = setup();
    health.markOffline(3, '/mnt/nas', new Error('EIO'), '/mnt/nas/a.flac');
    health.markOffline(3, '/mnt/nas', new Error('EIO again'));
    expect(health.isOffline(3)).toBe(true);
    expect(health.offlineRoots()).toEqual(['/mnt/nas']);
    expect(reports).toEqual([[3, false, 'The share stopped answering during playback (EIO)']]);
    expect(events).toEqual(['offline 3']);
    await vi.advanceTimersByTimeAsync(250);
    expect(opened).toEqual(['/mnt/nas/a.flac', '/mnt/nas/a.flac']);
    expect(health.isOffline(3)).toBe(true);
    answer();
    await vi.advanceTimersByTimeAsync(100);
    expect(health.isOffline(3)).toBe(false);
    expect(reports.at(-1)).toEqual([3, true, null]);
    expect(events).toEqual(['offline 3', 'online 3']);
    expect(closed).toEqual([7]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('wakes readers waiting on the root when it is back, and at once for a root not away', async () => {
    const { health, answer } = setup();
    await health.waitOnline(1, new AbortController().signal);
    health.markOffline(1, '/mnt/nas', new Error('EIO'));
    let woken = false;
    const waiting = health.waitOnline(1, new AbortController().signal).then(() => (woken = true));
    await vi.advanceTimersByTimeAsync(150);
    expect(woken).toBe(false);
    answer();
    await vi.advanceTimersByTimeAsync(100);
    await waiting;
    expect(woken).toBe(true);
  });

  it('lets a reader stop waiting', async () => {
    const { health, answer } = setup();
    health.markOffline(1, '/mnt/nas', new Error('EIO'));
    const abort = new AbortController();
    const waiting = health.waitOnline(1, abort.signal);
    abort.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
    answer();
    await vi.advanceTimersByTimeAsync(100);
    expect(health.isOffline(1)).toBe(false);
  });

  it('stops probing when closed, and marks nothing after', () => {
    const { health, reports } = setup();
    health.markOffline(1, '/a', new Error('EIO'));
    health.markOffline(2, '/b', new Error('EIO'));
    expect(vi.getTimerCount()).toBe(2);
    health.close();
    expect(vi.getTimerCount()).toBe(0);
    health.markOffline(3, '/c', new Error('EIO'));
    expect(reports.map(([rootId]) => rootId)).toEqual([1, 2]);
  });
});
