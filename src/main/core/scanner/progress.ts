import type { ScanPhase, ScanProgress } from '../../../shared/domain.ts';

/** Keeps a scan's progress and its rate (files/s over the last seconds), and throttles reports. */
export class ProgressMeter {
  private progress: ScanProgress;
  private lastEmit = 0;
  private samples: { at: number; done: number }[] = [];
  private readonly emit: (progress: ScanProgress) => void;
  private readonly intervalMs: number;

  constructor(scanId: number, emit: (progress: ScanProgress) => void, intervalMs = 150) {
    this.emit = emit;
    this.intervalMs = intervalMs;
    this.progress = {
      scanId,
      phase: 'inventory',
      done: 0,
      total: 0,
      filesPerSecond: 0,
      etaSeconds: null,
      currentRoot: null,
      message: null,
    };
  }

  get current(): ScanProgress {
    return this.progress;
  }

  phase(phase: ScanPhase, total: number, currentRoot: string | null = this.progress.currentRoot): void {
    this.samples = [];
    this.progress = { ...this.progress, phase, total, done: 0, filesPerSecond: 0, etaSeconds: null, currentRoot };
    this.report(true);
  }

  update(done: number, message: string | null = this.progress.message): void {
    const now = Date.now();
    this.samples.push({ at: now, done });
    while (this.samples.length > 2 && now - this.samples[0]!.at > 3000) this.samples.shift();
    const first = this.samples[0]!;
    const rate = now > first.at ? ((done - first.done) * 1000) / (now - first.at) : 0;
    const remaining = Math.max(0, this.progress.total - done);
    this.progress = {
      ...this.progress,
      done,
      message,
      filesPerSecond: Math.round(rate),
      etaSeconds: rate > 0 && this.progress.total > 0 ? Math.ceil(remaining / rate) : null,
    };
    this.report(false);
  }

  report(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastEmit < this.intervalMs) return;
    this.lastEmit = now;
    this.emit(this.progress);
  }
}
