// The parser process: spreads files over worker threads (one per core), streams results back
// in small batches, kills a parse that hangs and replaces its worker. A crash or a hang costs
// only the file it happened on.
import { constants, setPriority } from 'node:os';
import { dirname } from 'node:path';
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
  /** Files of the same folder go to the same worker, so an album's cover is stored once. */
  queue: ParseRequestFile[];
  inFlight: Map<string, { file: ParseRequestFile; startedAt: number }>;
  retiring: boolean;
}

function folderHash(path: string): number {
  const folder = dirname(path);
  let hash = 0;
  for (let i = 0; i < folder.length; i++) hash = (hash * 31 + folder.charCodeAt(i)) | 0;
  return hash >>> 0;
}

export function runParserProcess(entry: URL): void {
  // Parsing is background work: the app's own process (and its UI) comes first for the CPU.
  // Threads started after this inherit the lower priority.
  try {
    setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // not permitted here: run at normal priority
  }
  const channel = parentChannel();
  let config: ParserConfig | null = null;
  const slots: Slot[] = [];
  let pending: ParseResult[] = [];
  let flushTimer: NodeJS.Timeout | null = null;

  const idle = () => slots.every((slot) => slot.queue.length === 0 && slot.inFlight.size === 0);
  const flush = () => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    if (pending.length > 0) {
      channel.send({ type: 'results', results: pending });
      pending = [];
    }
    if (idle()) channel.send({ type: 'idle' });
  };
  const report = (result: ParseResult) => {
    pending.push(result);
    if (pending.length >= FLUSH_COUNT) flush();
    else flushTimer ??= setTimeout(flush, FLUSH_MS);
  };

  const spawn = (queue: ParseRequestFile[] = []): Slot => {
    const worker = new Worker(entry, { workerData: { coversDir: config!.coversDir } satisfies WorkerInit });
    const slot: Slot = { worker, queue, inFlight: new Map(), retiring: false };
    worker.on('message', (message: FromWorker) => {
      const done = slot.inFlight.get(message.result.path);
      if (!done) return;
      slot.inFlight.delete(message.result.path);
      // A local worker parses one file at a time: the next one starts its clock now.
      if (!done.file.network) for (const entry of slot.inFlight.values()) entry.startedAt = Date.now();
      report(message.result);
      pump(slot);
    });
    const replace = (reason: string) => {
      if (!slot.retiring) fail(slot, reason, 'crash');
    };
    worker.on('error', (err) => replace(`The parser failed on this file: ${err.message}`));
    worker.on('exit', (code) => replace(`The parser stopped on this file (exit code ${code})`));
    return slot;
  };

  /** The oldest file in flight is the one the worker is stuck on; the rest go back in its queue. */
  const fail = (slot: Slot, reason: string, failure: ParseFailure) => {
    slot.retiring = true;
    const inFlight = [...slot.inFlight.values()].sort((a, b) => a.startedAt - b.startedAt);
    const [culprit, ...innocent] = inFlight;
    if (culprit)
      report({ path: culprit.file.path, job: culprit.file.job, ok: false, identity: null, error: reason, failure });
    slot.queue.unshift(...innocent.map((entry) => entry.file));
    slot.inFlight.clear();
    void slot.worker.terminate();
    const replacement = spawn(slot.queue);
    slots[slots.indexOf(slot)] = replacement;
    pump(replacement);
  };

  const pump = (slot: Slot) => {
    while (slot.queue.length > 0) {
      const capacity = slot.queue[0]!.network ? config!.networkConcurrency : LOCAL_IN_FLIGHT;
      if (slot.inFlight.size >= capacity) break;
      const file = slot.queue.shift()!;
      slot.inFlight.set(file.path, { file, startedAt: Date.now() });
      slot.worker.postMessage({ type: 'file', file } satisfies ToWorker);
    }
    if (idle()) flush();
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
        for (const file of message.files) slots[folderHash(file.path) % slots.length]!.queue.push(file);
        for (const slot of slots) pump(slot);
        break;
      case 'cancel':
        for (const slot of slots) {
          slot.queue = message.prefix ? slot.queue.filter((file) => !file.path.startsWith(message.prefix!)) : [];
        }
        if (idle()) flush();
        break;
      case 'shutdown':
        for (const slot of slots) {
          slot.queue = [];
          slot.retiring = true;
          slot.worker.postMessage({ type: 'exit' } satisfies ToWorker);
        }
        void Promise.all(slots.map((slot) => new Promise((done) => slot.worker.once('exit', done)))).then(() =>
          process.exit(0),
        );
        break;
    }
  });
}
