// The queue, the place in the track and the volume, kept in the catalog across restarts:
// saved a moment after each change, every few seconds while playing, and when the page goes.
import type { PlaybackState } from '../../../shared/domain.ts';
import { call } from '../bridge/api.ts';
import { usePlayer } from '../stores/player.ts';
import { useQueue } from '../stores/queue.ts';
import { currentItem, fromSaved, toSaved } from './queue-model.ts';

const SAVE_AFTER_MS = 1000;
const SAVE_WHILE_PLAYING_MS = 5000;

function snapshot(): PlaybackState {
  const { position, volume, muted } = usePlayer.getState();
  return { ...toSaved(useQueue.getState()), positionS: Math.max(0, position), volume, muted };
}

let timer: ReturnType<typeof setTimeout> | undefined;
let restored = false;

export function saveNow(): void {
  clearTimeout(timer);
  timer = undefined;
  // Until the saved state is back, saving would overwrite it with an empty queue.
  if (!restored) return;
  void call('playback.saveState', snapshot()).catch(() => {});
}

export function saveSoon(): void {
  if (timer === undefined) timer = setTimeout(saveNow, SAVE_AFTER_MS);
}

/** Brings back the last session's queue, paused where it was. Returns the volume settings to apply. */
export async function restore(): Promise<void> {
  try {
    const saved = await call('playback.loadState', {});
    // The listener may have started something while this was loading: that wins.
    if (saved && saved.trackIds.length > 0 && useQueue.getState().items.length === 0) {
      const rows = await call('library.tracksByIds', { ids: saved.trackIds });
      if (useQueue.getState().items.length === 0) {
        const queue = fromSaved(saved, rows);
        useQueue.setState(queue, true);
        const item = currentItem(queue);
        const keptPlace = item?.track.id === saved.trackIds[saved.index];
        usePlayer.getState().set({
          current: item?.track ?? null,
          currentKey: item?.key ?? null,
          position: keptPlace ? saved.positionS : 0,
          duration: item?.track.durationS ?? 0,
        });
      }
    }
    if (saved) usePlayer.getState().set({ volume: saved.volume, muted: saved.muted });
  } finally {
    restored = true;
  }
}

export function keepSaving(): void {
  setInterval(() => {
    if (usePlayer.getState().playing) saveNow();
  }, SAVE_WHILE_PLAYING_MS);
  window.addEventListener('pagehide', saveNow);
}
