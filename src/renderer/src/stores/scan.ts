import { create } from 'zustand';
import type { ScanProgress, ScanSummary } from '../../../shared/domain.ts';
import { call, onEvent } from '../bridge/api.ts';
import { errorMessage } from '../../../shared/error-text.ts';

interface ScanState {
  progress: ScanProgress | null;
  summary: ScanSummary | null;
  error: string | null;
  /** The last scan's figures, until dismissed; null while one runs. */
  notice: ScanSummary | null;
  start(rootIds?: number[], options?: { acceptLosses?: boolean }): Promise<void>;
  cancel(): Promise<void>;
  dismissError(): void;
  dismissNotice(): void;
}

/** A scan started here is always reported; a watcher's or a periodic one only when it changed something. */
let requested = false;

export const useScan = create<ScanState>((set) => ({
  progress: null,
  summary: null,
  error: null,
  notice: null,
  async start(rootIds, options) {
    try {
      requested = true;
      set({ error: null, notice: null });
      await call('scan.start', { ...(rootIds ? { rootIds } : {}), ...options });
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },
  async cancel() {
    await call('scan.cancel', {});
  },
  dismissError() {
    set({ error: null });
  },
  dismissNotice() {
    set({ notice: null });
  },
}));

const running = (progress: ScanProgress) => !['done', 'cancelled', 'failed'].includes(progress.phase);
onEvent('scan.progress', (progress) => useScan.setState({ progress: running(progress) ? progress : null }));
const changedAnything = (summary: ScanSummary) =>
  summary.added + summary.updated + summary.removed + summary.moved + summary.failed > 0;
// A scan that stopped early says why until the user dismisses it or starts another; the
// progress bar shows that sentence, so it gets no notice of figures beside it.
onEvent('scan.finished', (summary) => {
  const noticed = !summary.error && (requested || changedAnything(summary));
  requested = false;
  useScan.setState({
    summary,
    progress: null,
    error: summary.error?.message ?? null,
    notice: noticed ? summary : useScan.getState().notice,
  });
});
void call('scan.status', {}).then((progress) => useScan.setState({ progress }));
