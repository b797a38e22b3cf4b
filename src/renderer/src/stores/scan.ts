import { create } from 'zustand';
import type { ScanProgress, ScanSummary } from '../../../shared/domain.ts';
import { call, onEvent } from '../bridge/api.ts';

interface ScanState {
  progress: ScanProgress | null;
  summary: ScanSummary | null;
  error: string | null;
  start(rootIds?: number[], options?: { acceptLosses?: boolean }): Promise<void>;
  cancel(): Promise<void>;
  dismissError(): void;
}

export const useScan = create<ScanState>((set) => ({
  progress: null,
  summary: null,
  error: null,
  async start(rootIds, options) {
    try {
      set({ error: null });
      await call('scan.start', { ...(rootIds ? { rootIds } : {}), ...options });
    } catch (err) {
      set({ error: (err as Error).message });
    }
  },
  async cancel() {
    await call('scan.cancel', {});
  },
  dismissError() {
    set({ error: null });
  },
}));

const running = (progress: ScanProgress) => !['done', 'cancelled', 'failed'].includes(progress.phase);
onEvent('scan.progress', (progress) => useScan.setState({ progress: running(progress) ? progress : null }));
// A scan that stopped early says why until the user dismisses it or starts another.
onEvent('scan.finished', (summary) =>
  useScan.setState({ summary, progress: null, error: summary.error?.message ?? null }),
);
void call('scan.status', {}).then((progress) => useScan.setState({ progress }));
