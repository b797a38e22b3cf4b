// The main-process side of the parser: one long-lived parser process, started once (forking
// is not free), restarted if it dies. Files go in, results stream out through a callback.
import type { ParseRequestFile, ParseResult, ParserConfig } from '../../common/parse-protocol.ts';
import type { ParserTransport, SpawnParser } from './transport.ts';
import { log } from '../log.ts';

/** After a crash of the whole process, the files still to do go back this many at a time. */
const PROBATION_GROUP = 64;
/** A process that dies this many times in a row before it is ready cannot start: the job fails. */
const START_ATTEMPTS = 3;

/** Why a parse job could not go on; its code is what a thread's death carries, so it reads the same. */
export class ParserFailedError extends Error {
  readonly code = 'THREAD_CRASHED';
}

interface Job {
  id: number;
  remaining: Map<string, ParseRequestFile>;
  onResult: (result: ParseResult) => void;
  resolve: () => void;
  reject: (error: Error) => void;
  /**
   * Set after the process died (a native crash, out of memory) with files to do: they are
   * sent a group at a time, and a group the process dies on again is halved and retried,
   * until the file that kills it is alone and fails. Null while all goes well.
   */
  probation: { groups: ParseRequestFile[][]; current: Set<string> | null } | null;
}

export class ParserHost {
  private transport: ParserTransport | null = null;
  private ready: Promise<number> | null = null;
  private job: Job | null = null;
  private closed = false;
  private lastJobId = 0;
  private failedStarts = 0;

  private readonly spawn: SpawnParser;
  private readonly config: ParserConfig;

  constructor(spawn: SpawnParser, config: ParserConfig) {
    this.spawn = spawn;
    this.config = config;
  }

  get pid(): number | undefined {
    return this.transport?.pid;
  }

  /** Starts the process now, so the first scan does not wait for it. */
  start(): Promise<number> {
    if (this.ready) return this.ready;
    const transport = this.spawn();
    this.transport = transport;
    let isReady = false;
    let settle!: { resolve: (workers: number | Promise<number>) => void; reject: (error: Error) => void };
    const ready = new Promise<number>((resolve, reject) => (settle = { resolve, reject }));
    // start() ahead of a scan has nobody waiting: a failure is for whoever asks next.
    ready.catch(() => {});
    this.ready = ready;
    transport.onMessage((message) => {
      if (transport !== this.transport) return;
      if (message.type === 'ready') {
        isReady = true;
        this.failedStarts = 0;
        settle.resolve(message.workers);
      } else if (message.type === 'results') this.deliver(message.results);
      else if (message.type === 'idle') this.finishIfDone();
    });
    transport.onExit((code) => {
      if (transport !== this.transport) return;
      this.transport = null;
      this.ready = null;
      if (this.closed) return;
      log.error(`tonearm: the parser process exited (code ${code})${this.job ? ', files still to parse go back' : ''}`);
      if (!isReady && ++this.failedStarts >= START_ATTEMPTS) {
        // Respawning a process that cannot start would loop for ever: this job fails, the next tries again.
        this.failedStarts = 0;
        const error = new ParserFailedError(`The parser process could not start (exit code ${code})`);
        settle.reject(error);
        return this.fail(error);
      }
      // Whoever waits for this one being ready waits for its successor instead.
      if (!isReady) settle.resolve(this.start());
      this.recover();
    });
    transport.send({ type: 'init', config: this.config });
    return ready;
  }

  /** Parses these files; resolves when every one has a result. One job at a time. */
  async parse(files: ParseRequestFile[], onResult: (result: ParseResult) => void, signal?: AbortSignal): Promise<void> {
    if (this.job) throw new Error('The parser is busy with another job');
    if (files.length === 0) return;
    await this.start();
    const id = ++this.lastJobId;
    const stamped = files.map((file) => ({ ...file, job: id }));
    await new Promise<void>((resolve, reject) => {
      this.job = {
        id,
        remaining: new Map(stamped.map((file) => [file.path, file])),
        onResult,
        resolve,
        reject,
        probation: null,
      };
      const onAbort = () => {
        this.transport?.send({ type: 'cancel' });
        this.finish();
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.sendInBatches(stamped);
    });
  }

  /** Forgets the files under a folder (its share went away), queued or in flight: they get no result. */
  dropFolder(prefix: string): void {
    const job = this.job;
    if (!job) return;
    this.transport?.send({ type: 'cancel', prefix });
    for (const path of job.remaining.keys()) if (path.startsWith(prefix)) job.remaining.delete(path);
    this.finishIfDone();
  }

  /**
   * Serialising tens of thousands of requests at once would hold the event loop: a batch per
   * turn, to the process it began with (a process that died takes the rest of its list along).
   */
  private sendInBatches(files: ParseRequestFile[], from = 0, transport = this.transport): void {
    if (from >= files.length || !transport || transport !== this.transport) return;
    transport.send({ type: 'parse', files: files.slice(from, from + 256) });
    setImmediate(() => this.sendInBatches(files, from + 256, transport));
  }

  private deliver(results: ParseResult[]): void {
    const job = this.job;
    if (!job) return;
    for (const result of results) {
      if (result.job !== job.id || !job.remaining.delete(result.path)) continue;
      job.onResult(result);
    }
    this.finishIfDone();
  }

  private finishIfDone(): void {
    const job = this.job;
    if (!job) return;
    const current = job.probation?.current;
    if (current && [...current].every((path) => !job.remaining.has(path))) this.sendNextGroup(job);
    if (job.remaining.size === 0) this.finish();
  }

  private sendNextGroup(job: Job): void {
    const probation = job.probation;
    if (job !== this.job || !probation) return;
    // Groups can hold files answered meanwhile (halving keeps only suspects; the others do not).
    let group: ParseRequestFile[] = [];
    while (group.length === 0 && probation.groups.length > 0)
      group = probation.groups.shift()!.filter((file) => job.remaining.has(file.path));
    if (group.length === 0) {
      job.probation = null;
      if (job.remaining.size > 0) this.sendInBatches([...job.remaining.values()]);
      return;
    }
    probation.current = new Set(group.map((file) => file.path));
    this.transport?.send({ type: 'parse', files: group });
  }

  private finish(): void {
    const job = this.job;
    this.job = null;
    job?.resolve();
  }

  private fail(error: Error): void {
    const job = this.job;
    this.job = null;
    job?.reject(error);
  }

  /** The whole process died (a native crash): find the file that killed it, and only fail that one. */
  private recover(): void {
    const job = this.job;
    if (!job) return;
    const current = job.probation?.current;
    if (!job.probation || !current) {
      // The first death: every file still to do is a suspect, a group at a time.
      const files = [...job.remaining.values()];
      const groups: ParseRequestFile[][] = [];
      for (let at = 0; at < files.length; at += PROBATION_GROUP) groups.push(files.slice(at, at + PROBATION_GROUP));
      job.probation = { groups, current: null };
    } else {
      const suspects = [...current].flatMap((path) => job.remaining.get(path) ?? []);
      if (suspects.length === 1) {
        // Found: it fails, and the rest goes back at full speed.
        const [culprit] = suspects;
        job.remaining.delete(culprit!.path);
        job.onResult({
          path: culprit!.path,
          job: job.id,
          ok: false,
          identity: null,
          error: 'The parser process crashed on this file',
          failure: 'crash',
        });
        job.probation = null;
        if (job.remaining.size === 0) return this.finish();
        // A start that fails has failed the job already (onExit).
        this.start().then(
          () => this.sendInBatches([...job.remaining.values()]),
          () => {},
        );
        return;
      }
      // Halved (a group whose files were all answered has no suspect: the next group goes).
      const half = Math.ceil(suspects.length / 2);
      if (suspects.length > 0) job.probation.groups.unshift(suspects.slice(0, half), suspects.slice(half));
    }
    job.probation.current = null;
    if (job.remaining.size === 0) return this.finish();
    this.start().then(
      () => this.sendNextGroup(job),
      () => {},
    );
  }

  /** Asks the process to exit (it finishes nothing more); kills it if it has not within a second. */
  async close(): Promise<void> {
    this.closed = true;
    const transport = this.transport;
    this.transport = null;
    this.finish();
    if (!transport) return;
    const exited = new Promise<void>((resolve) => transport.onExit(() => resolve()));
    transport.send({ type: 'shutdown' });
    // A thread blocked on a vanished share cannot even die until the share's I/O times out:
    // kill the process, and do not wait for that.
    let timer: NodeJS.Timeout | undefined;
    const killed = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        transport.kill();
        resolve();
      }, 1000);
    });
    await Promise.race([exited, killed]);
    clearTimeout(timer);
  }
}
