// A running batch's bookkeeping: written files go to the catalog in groups (so views follow
// while it runs, in few transactions), progress goes out at most every 100 ms.
import type { TagFileError } from '../../../shared/tags.ts';
import type { TagEditRecord } from '../catalog/tag-writes.ts';
import type { TagEditorDeps } from './tag-editor.ts';

/** The catalog follows every this many files or this often, whichever comes first. */
const FOLLOW_EVERY = 100;
const FOLLOW_MS = 200;
const PROGRESS_MS = 100;

export class Batch {
  count = 0;
  private pending: TagEditRecord[] = [];
  private followedAt = Date.now();
  private reportedAt = 0;
  private done = 0;
  private readonly deps: TagEditorDeps;
  private readonly batchId: number;
  private readonly total: number;
  private readonly failures: TagFileError[];

  constructor(deps: TagEditorDeps, batchId: number, total: number, failures: TagFileError[]) {
    this.deps = deps;
    this.batchId = batchId;
    this.total = total;
    this.failures = failures;
  }

  async written(record: TagEditRecord): Promise<void> {
    this.count++;
    this.pending.push(record);
    if (this.pending.length >= FOLLOW_EVERY || Date.now() - this.followedAt >= FOLLOW_MS) await this.follow();
    this.step();
  }

  failed(error: TagFileError): void {
    this.failures.push(error);
    this.step();
  }

  async finish(): Promise<void> {
    await this.follow();
    this.report();
  }

  private step(): void {
    this.done++;
    if (Date.now() - this.reportedAt >= PROGRESS_MS) this.report();
  }

  private report(): void {
    this.reportedAt = Date.now();
    this.deps.bus.emit('tags.progress', {
      batchId: this.batchId,
      done: this.done,
      total: this.total,
      failed: this.failures.length,
    });
  }

  private async follow(): Promise<void> {
    this.followedAt = Date.now();
    if (this.pending.length === 0) return;
    const records = this.pending;
    this.pending = [];
    await this.deps.writes.applyTagEdits(records);
  }
}
