// The renderer's radio against a fake bridge and a plain queue: when it asks for more, what it
// sends, and when it stops.
import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { TrackRow } from '../../../src/shared/domain.ts';
import type { RadioBatch, SimilarityStatus } from '../../../src/shared/similarity.ts';
import * as model from '../../../src/renderer/src/player/queue-model.ts';
import { createRadio } from '../../../src/renderer/src/similar/radio.ts';
import { pickSeeds, roomFor, type RadioRequest } from '../../../src/renderer/src/similar/radio-plan.ts';

const track = (id: number, genre = 'Rock'): TrackRow =>
  ({ id, title: `T${id}`, artist: `A${id}`, genre, available: true, durationS: 100 }) as unknown as TrackRow;
const ids = (queue: model.QueueState) => queue.items.map((item) => item.track.id);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const STATUS: SimilarityStatus = {
  analysed: 12,
  pending: 88,
  failed: 0,
  total: 100,
  running: true,
  paused: false,
  etaS: 60,
  reason: null,
  cache: { hits: 0, misses: 0, entries: 0 },
};

/** An index of tracks 1..size that answers the next unqueued ids, in order. */
function fakeBridge(size: number, options: { genres?: Record<number, string>; unanalysed?: boolean } = {}) {
  const requests: RadioRequest[] = [];
  const rowOf = (id: number) => track(id, options.genres?.[id] ?? 'Rock');
  let hold: Promise<void> | null = null;
  const next = async (request: RadioRequest): Promise<RadioBatch> => {
    requests.push(structuredClone(request));
    if (hold) await hold;
    if (options.unanalysed) return { trackIds: [], seedsWithoutVector: request.seedIds.length, exhausted: true };
    const taken = new Set([...request.seedIds, ...request.recentIds]);
    const excluded = new Set(request.excludeGenres);
    const free: number[] = [];
    for (let id = 1; id <= size; id++) if (!taken.has(id) && !excluded.has(rowOf(id).genre)) free.push(id);
    const trackIds = free.slice(0, request.count);
    return { trackIds, seedsWithoutVector: 0, exhausted: trackIds.length === free.length };
  };
  return {
    requests,
    hold(until: Promise<void>) {
      hold = until;
    },
    next,
    status: async () => STATUS,
    rowsOf: async (wanted: number[]) => wanted.filter((id) => id <= size).map(rowOf),
  };
}

function setup(bridge: ReturnType<typeof fakeBridge>) {
  const queue = create<model.QueueState>(() => model.emptyQueue());
  const set = (change: (state: model.QueueState) => model.QueueState) => queue.setState(change(queue.getState()), true);
  const radio = createRadio({
    ...bridge,
    queue: { get: () => queue.getState(), subscribe: (listener) => queue.subscribe(listener) },
    playNow: (tracks) => set((state) => model.replaceQueue(state, tracks, 0, Math.random)),
    append: (tracks) => set((state) => model.append(state, tracks)),
    remove: (keys) => set((state) => model.remove(state, keys)),
  });
  const playTo = (index: number) => set((state) => ({ ...state, index }));
  /** Tracks queued by hand after the radio's own: ids from `firstId` on. */
  const queueByHand = (count: number, firstId: number) =>
    set((state) =>
      model.append(
        state,
        Array.from({ length: count }, (_, i) => track(firstId + i)),
      ),
    );
  return { queue, set, radio, playTo, queueByHand };
}

describe('the radio', () => {
  it('plays the seed, then a first batch asked with the seed as the tail', async () => {
    const bridge = fakeBridge(100);
    const { queue, radio } = setup(bridge);
    await radio.start([7]);
    await settle();
    expect(bridge.requests[0]).toEqual({ seedIds: [7], recentIds: [7], excludeGenres: [], count: 20 });
    expect(ids(queue.getState())).toEqual([
      7,
      ...Array.from({ length: 20 }, (_, i) => i + 1).filter((id) => id !== 7),
      21,
    ]);
    expect(queue.getState().index).toBe(0);
    expect(radio.store.getState()).toMatchObject({ active: true, seedIds: [7], seedLabel: 'T7', loading: false });
    expect(bridge.requests).toHaveLength(1);
  });

  it('asks for more only when fewer than 5 tracks follow the current one, sending the queue tail', async () => {
    const bridge = fakeBridge(1000);
    const { queue, radio, playTo } = setup(bridge);
    await radio.start([1]);
    await settle();
    expect(queue.getState().items).toHaveLength(21);
    playTo(15); // 5 to come: enough
    await settle();
    expect(bridge.requests).toHaveLength(1);
    playTo(16); // 4 to come: one refill of 10
    await settle();
    expect(bridge.requests).toHaveLength(2);
    expect(bridge.requests[1]!.count).toBe(10);
    expect(bridge.requests[1]!.recentIds).toEqual(ids(queue.getState()).slice(0, 21));
    expect(queue.getState().items).toHaveLength(31);
    expect(new Set(ids(queue.getState())).size).toBe(31);
  });

  it('sends at most the last 500 of a long queue, newest last', async () => {
    const bridge = fakeBridge(2000);
    const { queue, radio, playTo, queueByHand } = setup(bridge);
    await radio.start([1]);
    await settle();
    queueByHand(600, 3000);
    playTo(queue.getState().items.length - 2);
    await settle();
    const last = bridge.requests.at(-1)!;
    expect(last.recentIds).toHaveLength(500);
    expect(last.recentIds.at(-1)).toBe(3599);
  });

  it('asks once while a request is in flight, and drops an answer that comes after a stop', async () => {
    const bridge = fakeBridge(100);
    let release!: () => void;
    bridge.hold(new Promise<void>((resolve) => (release = resolve)));
    const { queue, radio, playTo } = setup(bridge);
    await radio.start([1, 2]);
    playTo(1);
    playTo(0);
    await settle();
    expect(bridge.requests).toHaveLength(1);
    expect(radio.store.getState().loading).toBe(true);
    radio.stop();
    release();
    await settle();
    expect(ids(queue.getState())).toEqual([1, 2]);
    expect(radio.store.getState().active).toBe(false);
  });

  it('stops when the queue is replaced by another list or emptied, and a stopped radio asks nothing', async () => {
    const bridge = fakeBridge(100);
    const { radio, set } = setup(bridge);
    await radio.start([1]);
    await settle();
    set((state) => model.replaceQueue(state, [track(50)], 0, Math.random));
    expect(radio.store.getState().active).toBe(false);
    await settle();
    expect(bridge.requests).toHaveLength(1);

    await radio.start([1]);
    await settle();
    set((state) => model.clear(state, false));
    expect(radio.store.getState().active).toBe(false);
  });

  it('keeps going when the user adds to or removes from the queue', async () => {
    const bridge = fakeBridge(100);
    const { queue, radio, set } = setup(bridge);
    await radio.start([1]);
    await settle();
    set((state) => model.insertNext(state, [track(90)]));
    set((state) => model.remove(state, [state.items[3]!.key]));
    await settle();
    expect(radio.store.getState().active).toBe(true);
    expect(queue.getState().items.length).toBeGreaterThan(5);
  });

  it('stops asking once the index is exhausted', async () => {
    const bridge = fakeBridge(8);
    const { queue, radio, playTo } = setup(bridge);
    await radio.start([1]);
    await settle();
    expect(ids(queue.getState())).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(radio.store.getState().exhausted).toBe(true);
    playTo(7);
    await settle();
    expect(bridge.requests).toHaveLength(1);
  });

  it('says the seeds are not analysed yet, with how far analysis is, instead of an empty radio', async () => {
    const bridge = fakeBridge(100, { unanalysed: true });
    const { queue, radio } = setup(bridge);
    await radio.start([3]);
    await settle();
    expect(ids(queue.getState())).toEqual([3]);
    expect(radio.store.getState().notice).toBe('Not analysed yet — analysis is 12% done.');
    expect(radio.store.getState().exhausted).toBe(true);
  });

  it('sends the excluded genres and takes tracks of them out of what is still to come', async () => {
    const genres: Record<number, string> = { 2: 'Jazz', 4: 'jazz ', 6: 'Jazz', 30: 'Jazz' };
    const bridge = fakeBridge(100, { genres });
    const { queue, radio, playTo } = setup(bridge);
    await radio.start([1]);
    await settle();
    playTo(1); // track 2 (Jazz) is playing: it plays on
    radio.setExcludeGenres(['Jazz']);
    await settle();
    const queued = ids(queue.getState());
    expect(queued).toContain(2);
    expect(queued).not.toContain(4);
    expect(queued).not.toContain(6);
    playTo(queued.length - 2);
    await settle();
    expect(bridge.requests.at(-1)?.excludeGenres).toEqual(['Jazz']);
    expect(ids(queue.getState())).not.toContain(30);
  });

  it('drops an answer asked before the genres changed, and asks again without them', async () => {
    const bridge = fakeBridge(100, { genres: { 2: 'Jazz', 3: 'Jazz' } });
    let release!: () => void;
    bridge.hold(new Promise<void>((resolve) => (release = resolve)));
    const { queue, radio } = setup(bridge);
    await radio.start([1]);
    radio.setExcludeGenres(['Jazz']);
    release();
    await settle();
    expect(bridge.requests.map((request) => request.excludeGenres)).toEqual([[], ['Jazz']]);
    expect(ids(queue.getState())).not.toContain(2);
    expect(queue.getState().items).toHaveLength(21);
  });

  it('shows a failed request as a sentence and asks again on retry', async () => {
    const bridge = fakeBridge(100);
    let fail = true;
    const next = bridge.next;
    const { radio } = setup({
      ...bridge,
      next: (request) => (fail ? Promise.reject(new Error('The catalog is busy.')) : next(request)),
    });
    await radio.start([1]);
    await settle();
    expect(radio.store.getState().notice).toBe('Cannot find similar tracks: The catalog is busy.');
    fail = false;
    radio.retry();
    await settle();
    expect(radio.store.getState().notice).toBeNull();
    expect(bridge.requests).toHaveLength(1);
  });

  it('takes at most 50 seeds from a big selection, spread over it, and plays them before asking', async () => {
    const bridge = fakeBridge(1000);
    const { queue, radio } = setup(bridge);
    await radio.start(Array.from({ length: 500 }, (_, i) => i + 1));
    await settle();
    expect(bridge.requests).toHaveLength(0);
    expect(queue.getState().items).toHaveLength(50);
    expect(radio.store.getState().seedLabel).toBe('T1 and 49 more');
    const seeds = radio.store.getState().seedIds;
    expect(seeds).toHaveLength(50);
    expect(seeds[0]).toBe(1);
    expect(seeds[1]).toBe(11);
  });

  it('makes room in a full queue by dropping the oldest played tracks, never the current one', () => {
    const queue = {
      ...model.replaceQueue(
        model.emptyQueue(),
        [1, 2, 3, 4, 5, 6].map((id) => track(id)),
        0,
        Math.random,
      ),
    };
    const keys = queue.items.map((item) => item.key);
    expect(roomFor({ ...queue, index: 3 }, 2, 8)).toEqual([]);
    expect(roomFor({ ...queue, index: 3 }, 4, 8)).toEqual(keys.slice(0, 2));
    expect(roomFor({ ...queue, index: 1 }, 4, 8)).toEqual(keys.slice(0, 1));
    expect(roomFor({ ...queue, index: -1 }, 4, 8)).toEqual([]);
  });

  it('keeps going in a full queue, the oldest played tracks making room', async () => {
    const bridge = fakeBridge(20_000);
    const { queue, radio, playTo, queueByHand } = setup(bridge);
    await radio.start([1]);
    await settle();
    queueByHand(9_975, 30_000);
    expect(queue.getState().items).toHaveLength(9_996);
    const current = queue.getState().items[9_993]!;
    playTo(9_993);
    await settle();
    const state = queue.getState();
    expect(state.items).toHaveLength(10_000);
    expect(model.currentItem(state)).toBe(current);
    // The refill's 10 are in (not the user's 30,000s), and the played seed made room for them.
    expect(state.items.slice(-10).every((item) => item.track.id < 30_000)).toBe(true);
    expect(state.items[0]!.track.id).not.toBe(1);
    expect(radio.store.getState().exhausted).toBe(false);
  });

  it('names the radio as asked (an album)', async () => {
    const { radio } = setup(fakeBridge(10));
    await radio.start([1, 2, 3], 'Blue Train');
    expect(radio.store.getState().seedLabel).toBe('Blue Train');
  });

  it('starts nothing without a track (a key press on an empty list)', async () => {
    const bridge = fakeBridge(10);
    const { queue, radio } = setup(bridge);
    expect(pickSeeds([-1, 3, 3])).toEqual([3]);
    await radio.start([-1]);
    expect(queue.getState().items).toEqual([]);
    expect(radio.store.getState().active).toBe(false);
  });
});
