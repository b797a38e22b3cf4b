import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { setLogSink, type LogLevel } from '../../../src/main/core/log.ts';
import { processOpener } from '../../../src/main/core/threads/channel-end.ts';
import type { ProcessTransport } from '../../../src/main/core/threads/child-process.ts';
import { serveThread, ThreadCallError, ThreadChannel } from '../../../src/main/core/threads/channel.ts';
import type { TestThreadApi } from '../../support/threads/test-thread.ts';

const entry = new URL('../../support/threads/test-thread.ts', import.meta.url);
const channels: ThreadChannel<TestThreadApi>[] = [];
function channel(): ThreadChannel<TestThreadApi> {
  const made = new ThreadChannel<TestThreadApi>(entry);
  channels.push(made);
  return made;
}
afterEach(async () => {
  await Promise.all(channels.splice(0).map((made) => made.dispose()));
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    expect(err).toBeInstanceOf(ThreadCallError);
    return (err as ThreadCallError).code;
  }
}

describe('thread channel', () => {
  it('answers typed calls through the proxy, transfers buffers and carries errors back', async () => {
    const thread = channel();
    expect(await thread.remote.add(2, 3)).toBe(5);
    const bytes = await thread.remote.bytes(16);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.byteLength).toBe(16);
    await expect(thread.remote.fail('no such track')).rejects.toMatchObject({
      code: 'FAILED',
      message: 'no such track',
    });
    expect(await thread.remote.add(1, 1)).toBe(2);
  });

  it('rejects every pending call with THREAD_CRASHED when the thread crashes mid-call, then starts anew', async () => {
    const thread = channel();
    const waiting = [thread.remote.hang(), thread.remote.later(60_000), thread.remote.crashSoon(50)];
    expect(await Promise.all(waiting.map(codeOf))).toEqual(['THREAD_CRASHED', 'THREAD_CRASHED', 'THREAD_CRASHED']);
    expect(await thread.remote.add(20, 22)).toBe(42);
  });

  it('rejects pending calls with THREAD_EXITED when the thread exits', async () => {
    const thread = channel();
    const waiting = [thread.remote.hang(), thread.remote.exitSoon(50)];
    expect(await Promise.all(waiting.map(codeOf))).toEqual(['THREAD_EXITED', 'THREAD_EXITED']);
  });

  it('times out and aborts one call without touching the others', async () => {
    const thread = channel();
    const controller = new AbortController();
    const aborted = codeOf(thread.call('hang', [], { signal: controller.signal }));
    const timedOut = codeOf(thread.call('hang', [], { timeoutMs: 50 }));
    const slow = thread.remote.later(200);
    controller.abort();
    expect(await aborted).toBe('ABORTED');
    expect(await timedOut).toBe('TIMEOUT');
    expect(await slow).toBe(200);
  });

  it('puts what a thread prints on its stderr into the log as well', async () => {
    const logged: [LogLevel, string][] = [];
    setLogSink((level, parts) => logged.push([level, parts.join(' ')]));
    try {
      const thread = channel();
      expect(await thread.remote.warn('the cover of x.flac is damaged')).toBe(true);
      await expect.poll(() => logged).toContainEqual(['warn', '[worker thread] the cover of x.flac is damaged']);
    } finally {
      setLogSink(null);
    }
  });

  it('rejects calls waiting at dispose, and every call after it', async () => {
    const thread = channel();
    const waiting = codeOf(thread.remote.hang());
    await thread.remote.add(0, 0);
    await thread.dispose();
    expect(await waiting).toBe('DISPOSED');
    expect(await codeOf(thread.remote.add(1, 2))).toBe('DISPOSED');
  });
});

/** A child process in memory: its side serves `api` over copied messages; kill() ends it as a signal would. */
function fakeProcess(api: { add(a: number, b: number): number; never(): Promise<never> }) {
  const spawned: (ProcessTransport & { killed: boolean })[] = [];
  const spawn = (): ProcessTransport => {
    const toChild = new EventEmitter();
    const toParent = new EventEmitter();
    const child = {
      killed: false,
      send: (message: unknown) => toChild.emit('message', structuredClone(message)),
      onMessage: (listener: (message: unknown) => void) => void toParent.on('message', listener),
      onExit: (listener: (code: number | null) => void) => void toParent.on('exit', listener),
      kill: () => {
        child.killed = true;
        setImmediate(() => toParent.emit('exit', null));
      },
      pid: 4001 + spawned.length,
    };
    serveThread(api, {
      on: (_event, listener) => toChild.on('message', listener),
      postMessage: (message) => setImmediate(() => !child.killed && toParent.emit('message', structuredClone(message))),
    });
    spawned.push(child);
    return child;
  };
  return { opener: processOpener(spawn), spawned };
}

describe('a channel to a child process', () => {
  type DemoApi = { add(a: number, b: number): number; never(): Promise<never> };

  it('answers calls, rejects what waits on a process that died, and starts another at the next call', async () => {
    const { opener, spawned } = fakeProcess({ add: (a, b) => a + b, never: () => new Promise<never>(() => {}) });
    const demo = new ThreadChannel<DemoApi>(opener, { name: 'demo' });
    expect(demo.pid).toBeUndefined();
    expect(await demo.remote.add(2, 3)).toBe(5);
    expect(demo.pid).toBe(4001);

    const stopped = expect(demo.remote.never()).rejects.toMatchObject({
      code: 'DISPOSED',
      message: 'The demo process was stopped',
    });
    await demo.stop();
    await stopped;
    expect(spawned[0]!.killed).toBe(true);
    expect(await demo.remote.add(1, 1)).toBe(2);
    expect(demo.pid).toBe(4002);

    const logged: string[] = [];
    setLogSink((_level, parts) => logged.push(parts.join(' ')));
    try {
      const dying = demo.remote.never();
      // Killed from outside (the OOM killer, a user): the channel hears of it by the exit.
      spawned[1]!.kill();
      await expect(dying).rejects.toMatchObject({
        code: 'THREAD_EXITED',
        message: 'The demo process stopped (killed)',
      });
    } finally {
      setLogSink(null);
    }
    expect(logged).toContain('tonearm: the demo process exited (killed)');
    expect(await demo.remote.add(2, 2)).toBe(4);
    expect(spawned).toHaveLength(3);
    await demo.dispose();
    expect(spawned[2]!.killed).toBe(true);
  });
});
