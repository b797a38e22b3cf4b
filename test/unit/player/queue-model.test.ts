import { describe, expect, it } from 'vitest';
import type { TrackRow } from '../../../src/shared/domain.ts';
import {
  append,
  clear,
  currentItem,
  emptyQueue,
  fromSaved,
  insertAtPosition,
  insertNext,
  move,
  nextIndex,
  nextRepeat,
  previousIndex,
  remove,
  replaceQueue,
  setShuffle,
  toSaved,
  type QueueState,
} from '../../../src/renderer/src/player/queue-model.ts';

const track = (id: number): TrackRow =>
  ({ id, title: `T${id}`, available: true, durationS: 100 }) as unknown as TrackRow;
const tracks = (...ids: number[]) => ids.map(track);
const ids = (state: QueueState) => state.items.map((item) => item.track.id);

/** A seeded generator: shuffles that tests can repeat. */
function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('queue model', () => {
  it('replaces the queue and starts where asked', () => {
    const q = replaceQueue(emptyQueue(), tracks(1, 2, 3), 1, seeded(1));
    expect(ids(q)).toEqual([1, 2, 3]);
    expect(currentItem(q)?.track.id).toBe(2);
    expect(replaceQueue(emptyQueue(), [], 0, seeded(1)).index).toBe(-1);
  });

  it('puts play-next right after the current item, and add-to-queue at the end', () => {
    let q = replaceQueue(emptyQueue(), tracks(1, 2, 3), 0, seeded(1));
    q = insertNext(q, tracks(9, 8));
    expect(ids(q)).toEqual([1, 9, 8, 2, 3]);
    q = append(q, tracks(7));
    expect(ids(q)).toEqual([1, 9, 8, 2, 3, 7]);
    expect(currentItem(q)?.track.id).toBe(1);
    q = insertAtPosition(q, 2, tracks(5));
    expect(ids(q)).toEqual([1, 9, 5, 8, 2, 3, 7]);
  });

  it('makes the first added item current in an empty queue', () => {
    const q = append(emptyQueue(), tracks(4, 5));
    expect(q.index).toBe(0);
    expect(insertNext(emptyQueue(), tracks(6)).index).toBe(0);
  });

  it('keeps the same track twice as two items', () => {
    const q = append(replaceQueue(emptyQueue(), tracks(1), 0, seeded(1)), tracks(1));
    expect(ids(q)).toEqual([1, 1]);
    expect(new Set(q.items.map((i) => i.key)).size).toBe(2);
    expect(ids(remove(q, [q.items[1]!.key]))).toEqual([1]);
  });

  it('reorders by drag, the current item staying current', () => {
    let q = replaceQueue(emptyQueue(), tracks(1, 2, 3, 4), 1, seeded(1));
    q = move(q, 1, 3);
    expect(ids(q)).toEqual([1, 3, 4, 2]);
    expect(currentItem(q)?.track.id).toBe(2);
    q = move(q, 0, 2);
    expect(ids(q)).toEqual([3, 4, 1, 2]);
    expect(q.index).toBe(3);
    expect(move(q, 9, 0)).toBe(q);
  });

  it('removes items; the one after a removed current item becomes current', () => {
    let q = replaceQueue(emptyQueue(), tracks(1, 2, 3, 4), 2, seeded(1));
    q = remove(q, [q.items[0]!.key]);
    expect(currentItem(q)?.track.id).toBe(3);
    q = remove(q, [q.items[1]!.key]);
    expect(currentItem(q)?.track.id).toBe(4);
    q = remove(q, [q.items[1]!.key]);
    expect(currentItem(q)?.track.id).toBe(2);
    q = remove(q, [q.items[0]!.key]);
    expect(q.index).toBe(-1);
  });

  it('clears all but the playing item, or everything when idle', () => {
    const q = replaceQueue(emptyQueue(), tracks(1, 2, 3), 1, seeded(1));
    expect(ids(clear(q, true))).toEqual([2]);
    expect(clear(q, true).index).toBe(0);
    expect(ids(clear(q, false))).toEqual([]);
    expect(clear(q, false).index).toBe(-1);
  });

  it('shuffles the whole queue behind the current item, and restores the order', () => {
    const base = replaceQueue(emptyQueue(), tracks(...Array.from({ length: 20 }, (_, i) => i + 1)), 4, seeded(1));
    const shuffled = setShuffle(base, true, seeded(42));
    expect(shuffled.shuffle).toBe(true);
    expect(currentItem(shuffled)?.track.id).toBe(5);
    expect(shuffled.index).toBe(0);
    expect([...ids(shuffled)].sort((a, b) => a - b)).toEqual(ids(base));
    expect(ids(shuffled)).not.toEqual(ids(base));
    // Every track is played exactly once before the queue ends: nothing picked twice.
    const order: number[] = [];
    for (let q: QueueState = shuffled, i: number | null = 0; i !== null; i = nextIndex(q, true)) {
      q = { ...q, index: i };
      order.push(currentItem(q)!.track.id);
    }
    expect(new Set(order).size).toBe(20);
    const back = setShuffle({ ...shuffled, index: 3 }, false, seeded(1));
    expect(ids(back)).toEqual(ids(base));
    expect(currentItem(back)?.track.id).toBe(ids(shuffled)[3]);
  });

  it('keeps tracks added while shuffled when unshuffling, next ones right after the current', () => {
    let q = setShuffle(replaceQueue(emptyQueue(), tracks(1, 2, 3, 4), 0, seeded(1)), true, seeded(7));
    q = insertNext(q, tracks(9));
    q = append(q, tracks(8));
    expect(ids(q)[1]).toBe(9);
    const back = setShuffle(q, false, seeded(1));
    expect(ids(back)).toEqual([1, 9, 2, 3, 4, 8]);
  });

  it('shuffles a new queue after its first track when shuffle is on', () => {
    const on = { ...emptyQueue(), shuffle: true };
    const q = replaceQueue(on, tracks(1, 2, 3, 4, 5, 6), 3, seeded(3));
    expect(currentItem(q)?.track.id).toBe(4);
    expect(q.unshuffled).not.toBeNull();
  });

  it('follows repeat: off stops at the end, all wraps, one replays at the end but not on Next', () => {
    const q = replaceQueue(emptyQueue(), tracks(1, 2, 3), 2, seeded(1));
    expect(nextIndex(q, true)).toBeNull();
    expect(nextIndex({ ...q, repeat: 'all' }, true)).toBe(0);
    expect(nextIndex({ ...q, repeat: 'one' }, true)).toBe(2);
    expect(nextIndex({ ...q, repeat: 'one' }, false)).toBe(0);
    expect(nextIndex({ ...q, index: 0 }, false)).toBe(1);
    expect(previousIndex({ ...q, index: 0 })).toBeNull();
    expect(previousIndex({ ...q, index: 0, repeat: 'all' })).toBe(2);
    expect(previousIndex(q)).toBe(1);
    expect([nextRepeat('off'), nextRepeat('all'), nextRepeat('one')]).toEqual(['all', 'one', 'off']);
  });

  it('saves and rebuilds a queue, dropping tracks gone from the catalog', () => {
    let q = setShuffle(replaceQueue(emptyQueue(), tracks(1, 2, 3, 4), 2, seeded(1)), true, seeded(5));
    q = { ...q, repeat: 'all' };
    const saved = toSaved(q);
    expect(saved.trackIds[saved.index]).toBe(3);
    const restored = fromSaved(saved, tracks(1, 2, 3, 4));
    expect(ids(restored)).toEqual(ids(q));
    expect(currentItem(restored)?.track.id).toBe(3);
    expect(restored.repeat).toBe('all');
    expect(ids(setShuffle(restored, false, seeded(1)))).toEqual([1, 2, 3, 4]);

    const without3 = fromSaved(saved, tracks(1, 2, 4));
    expect(ids(without3)).toHaveLength(3);
    expect(currentItem(without3)?.track.id).toBe(saved.trackIds[saved.index + 1] ?? ids(without3).at(-1));
    expect(fromSaved(saved, []).index).toBe(-1);
  });
});
