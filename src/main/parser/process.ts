// The parser process: spreads files over worker threads (one per core), streams results back
// in small batches, kills a parse that hangs and replaces its worker. A crash or a hang costs
// only the file it happened on.
import { constants, setPriority } from 'node:os';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parentChannel } from './channel.ts';
import type { ParseFailure, ParseRequestFile, ParseResult, ParserConfig } from '../common/parse-protocol.ts';
import type { ThreadStart } from '../common/thread-start.ts';
import type { FromWorker, NumberedFile, ToWorker } from './worker.ts';

const FLUSH_MS = 25;
const FLUSH_COUNT = 128;
/** Local files go to a worker this many at a time, and at most two batches ahead of it. */
const LOCAL_BATCH = 16;
const LOCAL_WINDOW = 2 * LOCAL_BATCH;

interface InFlight {
  file: ParseRequestFile;
  startedAt: number;
  /** The local file's number in its worker (null for a network file). */
  seq: number | null;
}

interface Slot {
  worker: Worker;
  /** Files of the same folder go to the same worker, so an album's cover is stored once. */
  queue: ParseRequestFile[];
  inFlight: Map<string, InFlight>;
  retiring: boolean;
  /** Written by the worker: the number of the local file it is parsing. */
  progress: Int32Array;
  lastSeq: number;
  /** The local file the watchdog last saw the worker on, and since when. */
  watched: { seq: number; since: number };
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
    const progress = new SharedArrayBuffer(4);
    const worker = new Worker(entry, {
      workerData: { thread: 'parse', coversDir: config!.coversDir, progress } satisfies ThreadStart,
    });
    const slot: Slot = {
      worker,
      queue,
      inFlight: new Map(),
      retiring: false,
      progress: new Int32Array(progress),
      lastSeq: 0,
      watched: { seq: 0, since: Date.now() },
    };
    worker.on('message', (message: FromWorker) => {
      for (const result of message.results) {
        if (!slot.inFlight.delete(result.path)) continue;
        report(result);
      }
      pump(slot);
    });
    const replace = (reason: string) => {
      if (!slot.retiring) fail(slot, reason, 'crash', culpritOf(slot));
    };
    worker.on('error', (err) => replace(`The parser failed on this file: ${err.message}`));
    worker.on('exit', (code) => replace(`The parser stopped on this file (exit code ${code})`));
    return slot;
  };

  /** The local file numbered `seq`, if it still waits for its result. */
  const localAt = (slot: Slot, seq: number): InFlight | undefined => {
    for (const entry of slot.inFlight.values()) if (entry.seq === seq) return entry;
    return undefined;
  };
  const oldest = (entries: Iterable<InFlight>): InFlight | undefined => {
    let found: InFlight | undefined;
    for (const entry of entries) if (!found || entry.startedAt < found.startedAt) found = entry;
    return found;
  };

  /** The local file the worker is on, if it is one of ours; else the oldest file in flight. */
  const culpritOf = (slot: Slot): InFlight | undefined =>
    localAt(slot, Atomics.load(slot.progress, 0)) ?? oldest(slot.inFlight.values());

  /** The culprit gets the failure; the other files in flight go back to the front of the queue. */
  const fail = (slot: Slot, reason: string, failure: ParseFailure, culprit: InFlight | undefined) => {
    slot.retiring = true;
    if (culprit) {
      slot.inFlight.delete(culprit.file.path);
      report({ path: culprit.file.path, job: culprit.file.job, ok: false, identity: null, error: reason, failure });
    }
    const innocent = [...slot.inFlight.values()].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    slot.queue.unshift(...innocent.map((entry) => entry.file));
    slot.inFlight.clear();
    void slot.worker.terminate();
    const replacement = spawn(slot.queue);
    slots[slots.indexOf(slot)] = replacement;
    pump(replacement);
  };

  const pump = (slot: Slot) => {
    const post = (message: ToWorker) => slot.worker.postMessage(message);
    while (slot.queue.length > 0) {
      if (slot.queue[0]!.network) {
        if (slot.inFlight.size >= config!.networkConcurrency) break;
        const file = slot.queue.shift()!;
        slot.inFlight.set(file.path, { file, startedAt: Date.now(), seq: null });
        post({ type: 'network', file });
        continue;
      }
      if (slot.inFlight.size > LOCAL_WINDOW - LOCAL_BATCH) break;
      const files: NumberedFile[] = [];
      while (files.length < LOCAL_BATCH && slot.queue.length > 0 && !slot.queue[0]!.network) {
        const file = slot.queue.shift()!;
        const seq = ++slot.lastSeq;
        slot.inFlight.set(file.path, { file, startedAt: Date.now(), seq });
        files.push({ file, seq });
      }
      post({ type: 'local', files });
    }
    if (idle()) flush();
  };

  // A hung parse is noticed within a second or two of its deadline. A local file's clock
  // starts when the watchdog first sees the worker on it; a network file's when it was sent.
  const watchdog = setInterval(() => {
    if (!config) return;
    const now = Date.now();
    const reason = `Parsing took longer than ${Math.round(config.timeoutMs / 1000)} s and was stopped`;
    for (const slot of [...slots]) {
      const current = Atomics.load(slot.progress, 0);
      if (current !== slot.watched.seq) slot.watched = { seq: current, since: now };
      const local = localAt(slot, current);
      if (local && now - slot.watched.since > config.timeoutMs) {
        fail(slot, reason, 'timeout', local);
        continue;
      }
      const network = oldest([...slot.inFlight.values()].filter((entry) => entry.seq === null));
      if (network && now - network.startedAt > config.timeoutMs) fail(slot, reason, 'timeout', network);
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
