// One scan, measured the way the app lives it: the core in this process (as in Electron's
// main process), its event-loop delay, and the peak memory of this process and the parser's.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ScanSummary } from '../../src/shared/domain.ts';
import type { Core } from '../../src/main/core/core.ts';
import type { ScanRequest } from '../../src/main/core/scanner/scanner.ts';

export interface ScanMeasurement {
  summary: ScanSummary;
  wallMs: number;
  loopP99Ms: number;
  loopMaxMs: number;
}

export async function measureScan(core: Core, request: ScanRequest = {}): Promise<ScanMeasurement> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const started = performance.now();
  const summary = await core.scanner.start(request).done;
  const wallMs = performance.now() - started;
  loop.disable();
  return { summary, wallMs, loopP99Ms: loop.percentile(99) / 1e6, loopMaxMs: loop.max / 1e6 };
}

/** Peak resident memory in MB: this process, and another by pid (Linux /proc). */
export function peakRssMB(pid?: number): number | null {
  if (pid === undefined) return process.resourceUsage().maxRSS / 1024;
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}
