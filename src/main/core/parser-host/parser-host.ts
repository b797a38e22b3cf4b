// The main-process side of the parser: one long-lived parser process, started once (forking
// is not free), restarted if it dies. Files go in, results stream out through a callback.
import type { ParseRequestFile, ParseResult, ParserConfig } from '../../parser/protocol.ts';
import type { ParserTransport, SpawnParser } from './transport.ts';

interface Job {
  id: number;
  remaining: Map<string, ParseRequestFile>;
  onResult: (result: ParseResult) => void;
  resolve: () => void;
  /** Files that were in flight when the process died once already: the next death fails them. */
  suspects: Set<string>;
}

export class ParserHost {
  private transport: ParserTransport | null = null;
  private ready: Promise<number> | null = null;
  private job: Job | null = null;
  private closed = false;
  private lastJobId = 0;

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
    this.ready = new Promise((resolve) => {
      transport.onMessage((message) => {
        if (transport !== this.transport) return;
        if (message.type === 'ready') resolve(message.workers);
        else if (message.type === 'results') this.deliver(message.results);
        else if (message.type === 'idle') this.finishIfDone();
      });
    });
    transport.onExit(() => {
      if (transport !== this.transport) return;
      this.transport = null;
      this.ready = null;
      if (!this.closed) this.recover();
    });
    transport.send({ type: 'init', config: this.config });
    return this.ready;
  }

  /** Parses these files; resolves when every one has a result. One job at a time. */
  async parse(files: ParseRequestFile[], onResult: (result: ParseResult) => void, signal?: AbortSignal): Promise<void> {
    if (this.job) throw new Error('The parser is busy with another job');
    if (files.length === 0) return;
    await this.start();
    const id = ++this.lastJobId;
    const stamped = files.map((file) => ({ ...file, job: id }));
    await new Promise<void>((resolve) => {
      this.job = {
        id,
        remaining: new Map(stamped.map((file) => [file.path, file])),
        onResult,
        resolve,
        suspects: new Set(),
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

  /** Serialising tens of thousands of requests at once would hold the event loop: a batch per turn. */
  private sendInBatches(files: ParseRequestFile[], from = 0): void {
    if (from >= files.length || !this.transport) return;
    this.transport.send({ type: 'parse', files: files.slice(from, from + 256) });
    setImmediate(() => this.sendInBatches(files, from + 256));
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
    if (this.job && this.job.remaining.size === 0) this.finish();
  }

  private finish(): void {
    const job = this.job;
    this.job = null;
    job?.resolve();
  }

  /** The whole process died (a native crash): fail files that were already suspects, retry the rest. */
  private recover(): void {
    const job = this.job;
    if (!job) return;
    for (const path of job.suspects) {
      if (!job.remaining.delete(path)) continue;
      job.onResult({
        path,
        job: job.id,
        ok: false,
        identity: null,
        error: 'The parser process crashed on this file',
        failure: 'crash',
      });
    }
    job.suspects = new Set(job.remaining.keys());
    if (job.remaining.size === 0) return this.finish();
    void this.start().then(() => this.sendInBatches([...job.remaining.values()]));
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
