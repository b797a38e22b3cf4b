// The similarity index's status as the main process last told it: fetched when first asked
// for, then kept current by the similar.progress event.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { SimilarityStatus } from '../../../shared/similarity.ts';
import { call, onEvent } from '../bridge/api.ts';
import { errorMessage } from '../../../shared/error-text.ts';

interface StatusState {
  status: SimilarityStatus | null;
  error: string | null;
  load(): Promise<void>;
  setPaused(paused: boolean): Promise<void>;
}

export const useSimilarityStatus = create<StatusState>((set) => ({
  status: null,
  error: null,
  async load() {
    try {
      set({ status: await call('similar.status', {}), error: null });
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },
  async setPaused(paused) {
    try {
      set({ status: await call('similar.setPaused', { paused }), error: null });
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },
}));

// For the life of the page, like the settings store's: one listener, however many views show it.
onEvent('similar.progress', (status) => useSimilarityStatus.setState({ status, error: null }));

/** The status, loaded when a view that shows it is mounted. */
export function useStatus(): StatusState {
  const state = useSimilarityStatus();
  const load = state.load;
  useEffect(() => void load(), [load]);
  return state;
}
