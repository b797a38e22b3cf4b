// The play queue as plain data and pure functions: what the store holds and the tests check.
// Items carry their own key, since one track can be queued twice.
import { MAX_QUEUE } from '../../../shared/domain.ts';
import type { PlaybackState, RepeatMode, TrackRow } from '../../../shared/domain.ts';

export interface QueueItem {
  key: number;
  track: TrackRow;
}

export interface QueueState {
  /** In play order (shuffled, when shuffle is on). */
  items: QueueItem[];
  /** The keys in the order before shuffling; null while not shuffled. */
  unshuffled: number[] | null;
  /** The current item, -1 when there is none. */
  index: number;
  shuffle: boolean;
  repeat: RepeatMode;
}

export type Random = () => number;

let lastKey = 0;
export const itemsOf = (tracks: readonly TrackRow[]): QueueItem[] => tracks.map((track) => ({ key: ++lastKey, track }));

export const emptyQueue = (): QueueState => ({ items: [], unshuffled: null, index: -1, shuffle: false, repeat: 'off' });

export const currentItem = (state: QueueState): QueueItem | null => state.items[state.index] ?? null;

function fisherYates<T>(values: T[], random: Random): T[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
  return values;
}

/** Keeps the current item first and shuffles everything else behind it: a real shuffle, not random picks. */
function shuffled(state: QueueState, random: Random): QueueState {
  const current = currentItem(state);
  const rest = fisherYates(
    state.items.filter((item) => item !== current),
    random,
  );
  return {
    ...state,
    items: current ? [current, ...rest] : rest,
    index: current ? 0 : state.index,
    unshuffled: state.unshuffled ?? state.items.map((item) => item.key),
  };
}

function capped(items: QueueItem[]): QueueItem[] {
  return items.length > MAX_QUEUE ? items.slice(0, MAX_QUEUE) : items;
}

/** Play now: the queue becomes these tracks, starting at `start` (shuffled after it, if shuffle is on). */
export function replaceQueue(
  state: QueueState,
  tracks: readonly TrackRow[],
  start: number,
  random: Random,
): QueueState {
  const items = capped(itemsOf(tracks));
  const index = items.length === 0 ? -1 : Math.min(Math.max(0, start), items.length - 1);
  const next: QueueState = { ...state, items, index, unshuffled: null };
  return state.shuffle ? shuffled(next, random) : next;
}

function insertAt(state: QueueState, at: number, added: QueueItem[], unshuffledAfterKey: number | null): QueueState {
  const items = capped([...state.items.slice(0, at), ...added, ...state.items.slice(at)]);
  let unshuffled = state.unshuffled;
  if (unshuffled) {
    const keys = added.map((item) => item.key);
    const after = unshuffledAfterKey === null ? -1 : unshuffled.indexOf(unshuffledAfterKey);
    unshuffled =
      after < 0
        ? [...unshuffled, ...keys]
        : [...unshuffled.slice(0, after + 1), ...keys, ...unshuffled.slice(after + 1)];
  }
  const index = state.index < 0 ? (items.length > 0 ? 0 : -1) : state.index;
  return { ...state, items, unshuffled, index };
}

/** Right after the current item (in the unshuffled order too, so it stays "next" after unshuffling). */
export function insertNext(state: QueueState, tracks: readonly TrackRow[]): QueueState {
  const current = currentItem(state);
  return insertAt(state, state.index + 1, itemsOf(tracks), current?.key ?? null);
}

export function append(state: QueueState, tracks: readonly TrackRow[]): QueueState {
  return insertAt(state, state.items.length, itemsOf(tracks), null);
}

/** Dropped at a position in the play order (a drag from a list onto the queue). */
export function insertAtPosition(state: QueueState, position: number, tracks: readonly TrackRow[]): QueueState {
  const at = Math.min(Math.max(0, position), state.items.length);
  const before = state.items[at - 1];
  return insertAt(state, at, itemsOf(tracks), before?.key ?? null);
}

/** Removes items; if the current one goes, the item that took its place becomes current. */
export function remove(state: QueueState, keys: readonly number[]): QueueState {
  const gone = new Set(keys);
  const items = state.items.filter((item) => !gone.has(item.key));
  const removedBefore = state.items.slice(0, Math.max(0, state.index)).filter((item) => gone.has(item.key)).length;
  let index = state.index - removedBefore;
  if (index >= items.length) index = items.length - 1;
  return {
    ...state,
    items,
    index: items.length === 0 ? -1 : index,
    unshuffled: state.unshuffled?.filter((key) => !gone.has(key)) ?? null,
  };
}

/** Everything but the current item, which keeps playing; an idle queue empties. */
export function clear(state: QueueState, keepCurrent: boolean): QueueState {
  const current = currentItem(state);
  if (!keepCurrent || !current) return { ...state, items: [], index: -1, unshuffled: state.unshuffled ? [] : null };
  return { ...state, items: [current], index: 0, unshuffled: state.unshuffled ? [current.key] : null };
}

/** Drag to reorder: the item at `from` ends up at `to` (both in the play order). */
export function move(state: QueueState, from: number, to: number): QueueState {
  if (from === to || from < 0 || from >= state.items.length) return state;
  const target = Math.min(Math.max(0, to), state.items.length - 1);
  const items = [...state.items];
  const [moved] = items.splice(from, 1);
  items.splice(target, 0, moved!);
  const currentKey = currentItem(state)?.key;
  const index = currentKey === undefined ? state.index : items.findIndex((item) => item.key === currentKey);
  return { ...state, items, index };
}

export function setShuffle(state: QueueState, on: boolean, random: Random): QueueState {
  if (on === state.shuffle) return state;
  if (on) return shuffled({ ...state, shuffle: true }, random);
  if (!state.unshuffled) return { ...state, shuffle: false };
  const byKey = new Map(state.items.map((item) => [item.key, item]));
  const restored = state.unshuffled.flatMap((key) => byKey.get(key) ?? []);
  // Items that somehow missed the record keep their place at the end rather than vanish.
  const seen = new Set(state.unshuffled);
  const items = [...restored, ...state.items.filter((item) => !seen.has(item.key))];
  const currentKey = currentItem(state)?.key;
  return {
    ...state,
    shuffle: false,
    unshuffled: null,
    items,
    index: currentKey === undefined ? state.index : items.findIndex((item) => item.key === currentKey),
  };
}

export function nextRepeat(mode: RepeatMode): RepeatMode {
  return mode === 'off' ? 'all' : mode === 'all' ? 'one' : 'off';
}

/**
 * What follows the current item. `auto` is the end of a track (repeat-one plays it again);
 * a press of Next always moves on, wrapping around when repeat is on.
 */
export function nextIndex(state: QueueState, auto: boolean): number | null {
  const count = state.items.length;
  if (count === 0) return null;
  if (state.index < 0) return 0;
  if (auto && state.repeat === 'one') return state.index;
  if (state.index + 1 < count) return state.index + 1;
  return state.repeat === 'off' ? null : 0;
}

export function previousIndex(state: QueueState): number | null {
  if (state.items.length === 0 || state.index < 0) return null;
  if (state.index > 0) return state.index - 1;
  return state.repeat === 'off' ? null : state.items.length - 1;
}

type SavedQueue = Pick<PlaybackState, 'trackIds' | 'unshuffled' | 'index' | 'shuffle' | 'repeat'>;

export function toSaved(state: QueueState): SavedQueue {
  const position = new Map(state.items.map((item, i) => [item.key, i]));
  return {
    trackIds: state.items.map((item) => item.track.id),
    unshuffled: state.unshuffled?.flatMap((key) => position.get(key) ?? []) ?? null,
    index: state.index,
    shuffle: state.shuffle,
    repeat: state.repeat,
  };
}

/** Rebuilds a saved queue from today's rows; tracks gone from the catalog drop out. */
export function fromSaved(saved: SavedQueue, rows: readonly TrackRow[]): QueueState {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const kept = saved.trackIds.map((id) => {
    const row = byId.get(id);
    return row ? itemsOf([row])[0]! : null;
  });
  const items = kept.filter((item): item is QueueItem => item !== null);
  let index = -1;
  if (items.length > 0) {
    // The current track if it is still there, else whatever came after it.
    const after = kept.slice(Math.max(0, saved.index)).find((item) => item !== null);
    index = after ? items.indexOf(after) : items.length - 1;
  }
  const unshuffled =
    saved.shuffle && saved.unshuffled
      ? saved.unshuffled.flatMap((i) => {
          const item = kept[i];
          return item ? [item.key] : [];
        })
      : null;
  return { items, index, unshuffled, shuffle: saved.shuffle, repeat: saved.repeat };
}
