// The parser process: spreads files over worker threads (one per core), streams results back
// in small batches, kills a parse that hangs and replaces its worker. A crash or a hang costs
// only the file it happened on.
import { Worker } from 'node:worker_threads';
import { parentChannel } from './channel.ts';
import type { ParseFailure, ParseRequestFile, ParseResult, ParserConfig } from './protocol.ts';
import type { FromWorker, ToWorker, WorkerInit } from './worker.ts';

const FLUSH_MS = 25;
const FLUSH_COUNT = 128;
/** Local files: one parsing and one waiting, so a worker never idles on a message round trip. */
const LOCAL_IN_FLIGHT = 2;

interface Slot {
  worker: Worker;
  inFlight: Map<string, { file: ParseRequestFile; startedAt: number }>;
  retiring: boolean;
}

export function runParserProcess(entry: URL): void {
  const channel = parentChannel();
  let config: ParserConfig | null = null;
  const queue: ParseRequestFile[] = [];
  const slots: Slot[] = [];
  let pending: ParseResult[] = [];
  let flushTimer: NodeJS.Timeout | null = null;

  const flush = () => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    if (pending.length > 0) {
      channel.send({ type: 'results', results: pending });
      pending = [];
    }
    if (queue.length === 0 && slots.every((slot) => slot.inFlight.size === 0)) channel.send({ type: 'idle' });
  };
  const report = (result: ParseResult) => {
    pending.push(result);
    if (pending.length >= FLUSH_COUNT) flush();
    else flushTimer ??= setTimeout(flush, FLUSH_MS);
  };

  const spawn = (): Slot => {
    const worker = new Worker(entry, { workerData: { coversDir: config!.coversDir } satisfies WorkerInit });
    const slot: Slot = { worker, inFlight: new Map(), retiring: false };
    worker.on('message', (message: FromWorker) => {
      const done = slot.inFlight.get(message.result.path);
      if (!done) return;
      slot.inFlight.delete(message.result.path);
      // A local worker parses one file at a time: the next one starts its clock now.
      if (!done.file.network) for (const entry of slot.inFlight.values()) entry.startedAt = Date.now();
      report(message.result);
      pump();
    });
    const replace = (reason: string) => {
      if (slot.retiring) return;
      fail(slot, reason, 'crash');
    };
    worker.on('error', (err) => replace(`The parser failed on this file: ${err.message}`));
    worker.on('exit', (code) => replace(`The parser stopped on this file (exit code ${code})`));
    return slot;
  };

  /** The oldest file in flight is the one the worker is stuck on; the rest go back in the queue. */
  const fail = (slot: Slot, reason: string, failure: ParseFailure) => {
    slot.retiring = true;
    const inFlight = [...slot.inFlight.values()].sort((a, b) => a.startedAt - b.startedAt);
    const [culprit, ...innocent] = inFlight;
    if (culprit) report({ path: culprit.file.path, ok: false, identity: null, error: reason, failure });
    queue.unshift(...innocent.map((entry) => entry.file));
    slot.inFlight.clear();
    void slot.worker.terminate();
    slots[slots.indexOf(slot)] = spawn();
    pump();
  };

  const pump = () => {
    for (const slot of slots) {
      while (queue.length > 0) {
        const capacity = queue[0]!.network ? config!.networkConcurrency : LOCAL_IN_FLIGHT;
        if (slot.inFlight.size >= capacity) break;
        const file = queue.shift()!;
        slot.inFlight.set(file.path, { file, startedAt: Date.now() });
        slot.worker.postMessage({ type: 'file', file } satisfies ToWorker);
      }
    }
    if (queue.length === 0 && slots.every((slot) => slot.inFlight.size === 0)) flush();
  };

  // A hung parse is noticed within a second of its deadline.
  const watchdog = setInterval(() => {
    if (!config) return;
    const now = Date.now();
    for (const slot of [...slots]) {
      const oldest = Math.min(...[...slot.inFlight.values()].map((entry) => entry.startedAt));
      if (now - oldest > config.timeoutMs) {
        fail(slot, `Parsing took longer than ${Math.round(config.timeoutMs / 1000)} s and was stopped`, 'timeout');
      }
    }
  }, 1000);
  watchdog.unref();

  channel.onMessage((message) => {
    switch (message.type) {
      case 'init':
        config = message.config;
        for (let i = 0; i < Math.max(1, config.workers); i++) slots.push(spawn());
        channel.send({ type: 'ready', workers: slots.length });
        break;
      case 'parse':
        queue.push(...message.files);
        pump();
        break;
      case 'cancel': {
        const keep = message.prefix ? queue.filter((file) => !file.path.startsWith(message.prefix!)) : [];
        queue.splice(0, queue.length, ...keep);
        pump();
        break;
      }
    }
  });
}
