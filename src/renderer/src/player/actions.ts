// The player's API for the rest of the renderer: the library views, the now-playing bar, the
// queue panel, the keyboard and the OS media controls all act through these.
import type { RepeatMode, TrackRow } from '../../../shared/domain.ts';
import { usePlayer } from '../stores/player.ts';
import { useQueue } from '../stores/queue.ts';
import {
  engine,
  leaveCurrent,
  persistSoon,
  seekCurrent,
  startCurrent,
  syncUpcoming,
  updateQueue,
} from './controller.ts';
import { RESTART_AFTER_SECONDS } from './policy.ts';
import * as model from './queue-model.ts';

const random = () => Math.random();

// Tracks marked unavailable are queued all the same: the chunk cache may still hold them, and
// the media handler has the last word (a track it cannot serve is reported and passed over).

/** Play now: the queue becomes `tracks` (a list, an album), starting at `startIndex`. */
export function playTracks(tracks: TrackRow[], startIndex: number): void {
  if (tracks.length === 0) return;
  leaveCurrent();
  updateQueue((queue) => model.replaceQueue(queue, tracks, startIndex, random));
  startCurrent(0, true);
}

/** Right after the current track, keeping the rest of the queue. */
export function playNext(tracks: TrackRow[]): void {
  if (tracks.length === 0) return;
  const wasEmpty = useQueue.getState().index < 0;
  updateQueue((queue) => model.insertNext(queue, tracks));
  afterAdding(wasEmpty);
}

export function addToQueue(tracks: TrackRow[]): void {
  if (tracks.length === 0) return;
  const wasEmpty = useQueue.getState().index < 0;
  updateQueue((queue) => model.append(queue, tracks));
  afterAdding(wasEmpty);
}

/** Tracks dropped onto the queue at a position of the play order. */
export function insertIntoQueue(position: number, tracks: TrackRow[]): void {
  if (tracks.length === 0) return;
  const wasEmpty = useQueue.getState().index < 0;
  updateQueue((queue) => model.insertAtPosition(queue, position, tracks));
  afterAdding(wasEmpty);
}

function afterAdding(wasEmpty: boolean): void {
  // Into an empty queue: the first item is ready to play (and loading), but nothing starts by itself.
  if (wasEmpty) startCurrent(0, false);
  else syncUpcoming();
}

/** Plays one track now, keeping the queue: it goes in after the current track. */
export function playTrack(track: TrackRow): void {
  leaveCurrent();
  updateQueue((queue) => {
    const inserted = model.insertNext(queue, [track]);
    return { ...inserted, index: queue.index < 0 ? 0 : queue.index + 1 };
  });
  startCurrent(0, true);
}

/** Plays the queue item at `index` (a double-click in the queue). */
export function jumpTo(index: number): void {
  if (index < 0 || index >= useQueue.getState().items.length) return;
  leaveCurrent();
  updateQueue((queue) => ({ ...queue, index }));
  startCurrent(0, true);
}

export function next(): void {
  const index = model.nextIndex(useQueue.getState(), false);
  if (index === null) return;
  leaveCurrent();
  updateQueue((queue) => ({ ...queue, index }));
  startCurrent(0, true);
}

/** Back to the start of the track a few seconds in, else to the track before. */
export function previous(): void {
  const { position } = usePlayer.getState();
  const index = model.previousIndex(useQueue.getState());
  if (position > RESTART_AFTER_SECONDS || index === null) return seekTo(0);
  leaveCurrent();
  updateQueue((queue) => ({ ...queue, index }));
  startCurrent(0, true);
}

export function hasNext(): boolean {
  return model.nextIndex(useQueue.getState(), false) !== null;
}

export function play(): void {
  if (engine.status === 'idle') {
    // Nothing loaded yet (a restored queue, or the end reached): start the current item.
    if (model.currentItem(useQueue.getState())) startCurrent(usePlayer.getState().position, true);
    return;
  }
  engine.resume();
}

export function pause(): void {
  engine.pause();
}

export function togglePlay(): void {
  if (engine.status === 'playing' || engine.status === 'loading') pause();
  else play();
}

export function seekTo(seconds: number): void {
  if (!Number.isFinite(seconds) || !model.currentItem(useQueue.getState())) return;
  const duration = usePlayer.getState().duration;
  seekCurrent(Math.max(0, duration > 0 ? Math.min(seconds, duration) : seconds));
}

export function seekBy(seconds: number): void {
  seekTo(usePlayer.getState().position + seconds);
}

export function setVolume(volume: number): void {
  const value = Math.min(1, Math.max(0, volume));
  usePlayer.getState().set({ volume: value, muted: value === 0 ? usePlayer.getState().muted : false });
  applyVolume();
}

export function toggleMute(): void {
  usePlayer.getState().set({ muted: !usePlayer.getState().muted });
  applyVolume();
}

export function applyVolume(): void {
  const { volume, muted } = usePlayer.getState();
  engine.setVolume(volume, muted);
  persistSoon();
}

export function toggleShuffle(): void {
  updateQueue((queue) => model.setShuffle(queue, !queue.shuffle, random));
  syncUpcoming();
}

export function setRepeat(repeat: RepeatMode): void {
  updateQueue((queue) => ({ ...queue, repeat }));
  syncUpcoming();
}

export function cycleRepeat(): void {
  setRepeat(model.nextRepeat(useQueue.getState().repeat));
}

export function removeFromQueue(keys: number[]): void {
  const before = useQueue.getState();
  const removingCurrent = keys.includes(model.currentItem(before)?.key ?? NaN);
  if (removingCurrent) leaveCurrent();
  updateQueue((queue) => model.remove(queue, keys));
  if (!removingCurrent) return syncUpcoming();
  // The item that took the removed one's place plays on if the removed one was playing.
  const wasPlaying = engine.status === 'playing' || engine.status === 'loading';
  startCurrent(0, wasPlaying);
}

export function moveInQueue(from: number, to: number): void {
  updateQueue((queue) => model.move(queue, from, to));
  syncUpcoming();
}

/** Empties the queue but for the track playing, which plays on. */
export function clearQueue(): void {
  const keep = engine.status !== 'idle';
  if (!keep) leaveCurrent();
  updateQueue((queue) => model.clear(queue, keep));
  if (keep) syncUpcoming();
  else startCurrent(0, false);
}
