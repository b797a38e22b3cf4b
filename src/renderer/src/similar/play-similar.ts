// The app's one radio, wired to the bridge and the player: what the menus, the keyboard and
// the queue panel call.
import { call } from '../bridge/api.ts';
import { addToQueue, playTracks, removeFromQueue } from '../player/actions.ts';
import { useQueue } from '../stores/queue.ts';
import { rowsOf } from '../views/play.ts';
import { createRadio } from './radio.ts';

const radio = createRadio({
  next: (request) => call('radio.next', request),
  status: () => call('similar.status', {}),
  rowsOf,
  queue: { get: () => useQueue.getState(), subscribe: (listener) => useQueue.subscribe(listener) },
  playNow: (tracks) => playTracks(tracks, 0),
  append: addToQueue,
  remove: removeFromQueue,
});

export const useRadio = radio.store;

/** "Play similar": the queue becomes these tracks and more like them, kept filled as it plays. */
export const playSimilar = (ids: number[], label?: string): Promise<void> => radio.start(ids, label);
export const stopRadio = (): void => radio.stop();
export const setRadioExcludedGenres = (genres: string[]): void => radio.setExcludeGenres(genres);
export const retryRadio = (): void => radio.retry();
