// The radio ("Play similar"): a zustand slice holding what it plays like, and a controller that
// keeps the queue filled from radio.next as it plays. It runs until the queue is replaced by
// something else or cleared. Its doors (the bridge, the player) are handed in, so the tests
// drive it with a fake bridge and a plain queue.
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { TrackRow } from '../../../shared/domain.ts';
import { errorMessage } from '../../../shared/error-text.ts';
import type { RadioBatch, SimilarityStatus } from '../../../shared/similarity.ts';
import type { QueueState } from '../player/queue-model.ts';
import {
  excludedUpcoming,
  needsMore,
  nextRequest,
  notAnalysedText,
  pickSeeds,
  replacedBetween,
  roomFor,
  type RadioRequest,
} from './radio-plan.ts';

export interface RadioState {
  active: boolean;
  seedIds: number[];
  excludeGenres: string[];
  /** "Similar to <title>" (or "<n> tracks"): what the indicator names. */
  seedLabel: string;
  loading: boolean;
  /** The index has nothing more to offer with these seeds and exclusions. */
  exhausted: boolean;
  /** A sentence for the indicator: not analysed yet, or why the last request failed. */
  notice: string | null;
}

export interface RadioDeps {
  next(request: RadioRequest): Promise<RadioBatch>;
  status(): Promise<SimilarityStatus>;
  rowsOf(ids: number[]): Promise<TrackRow[]>;
  queue: {
    get(): QueueState;
    subscribe(listener: (queue: QueueState, previous: QueueState) => void): () => void;
  };
  /** Play now: the queue becomes these tracks. */
  playNow(tracks: TrackRow[]): void;
  append(tracks: TrackRow[]): void;
  remove(keys: number[]): void;
}

const IDLE: RadioState = {
  active: false,
  seedIds: [],
  excludeGenres: [],
  seedLabel: '',
  loading: false,
  exhausted: false,
  notice: null,
};

export interface Radio {
  store: UseBoundStore<StoreApi<RadioState>>;
  /** `label`: what the indicator names (an album's title); the first seed's title by default. */
  start(ids: number[], label?: string): Promise<void>;
  stop(): void;
  setExcludeGenres(genres: string[]): void;
  /** After a failed request: ask again. */
  retry(): void;
  dispose(): void;
}

export function createRadio(deps: RadioDeps): Radio {
  const store = create<RadioState>(() => IDLE);
  // Bumped by every start, stop and change of the genres left out: an answer to an older
  // question is dropped.
  let generation = 0;
  let inFlight = false;
  // The radio's own queue changes are not the user's replacing the queue.
  let ownChange = false;

  const own = (change: () => void) => {
    ownChange = true;
    try {
      change();
    } finally {
      ownChange = false;
    }
  };

  const stop = () => {
    generation++;
    inFlight = false;
    if (store.getState() !== IDLE) store.setState(IDLE, true);
  };

  async function fill(mine: number): Promise<void> {
    inFlight = true;
    store.setState({ loading: true });
    const state = store.getState();
    try {
      const batch = await deps.next(nextRequest(state, deps.queue.get()));
      if (mine !== generation) return;
      const rows = batch.trackIds.length > 0 ? await deps.rowsOf(batch.trackIds) : [];
      if (mine !== generation) return;
      const played = roomFor(deps.queue.get(), rows.length);
      if (played.length > 0) own(() => deps.remove(played));
      const before = deps.queue.get().items.length;
      if (rows.length > 0) own(() => deps.append(rows));
      // A queue full to the current track takes nothing more: asking again would not help.
      const added = deps.queue.get().items.length - before;
      let notice: string | null = null;
      if (rows.length === 0 && batch.seedsWithoutVector > 0) {
        notice = notAnalysedText(await deps.status().catch(() => null));
        if (mine !== generation) return;
      }
      // Nothing that could be queued: asking again would get the same answer.
      store.setState({ exhausted: batch.exhausted || added <= 0, notice, loading: false });
    } catch (err) {
      if (mine !== generation) return;
      store.setState({ exhausted: true, notice: `Cannot find similar tracks: ${errorMessage(err)}`, loading: false });
    } finally {
      if (mine === generation) inFlight = false;
    }
    if (mine === generation) topUp();
  }

  function topUp(): void {
    const { active, exhausted } = store.getState();
    if (!active || exhausted || inFlight || !needsMore(deps.queue.get())) return;
    void fill(generation);
  }

  const unsubscribe = deps.queue.subscribe((queue, previous) => {
    if (!store.getState().active) return;
    if (!ownChange && replacedBetween(previous, queue)) return stop();
    topUp();
  });

  return {
    store,
    async start(ids, label) {
      const seedIds = pickSeeds(ids);
      if (seedIds.length === 0) return;
      stop();
      const mine = generation;
      let seeds: TrackRow[];
      try {
        seeds = await deps.rowsOf(seedIds);
      } catch (err) {
        if (mine === generation)
          store.setState({ ...IDLE, notice: `Cannot play similar tracks: ${errorMessage(err)}` });
        return;
      }
      if (mine !== generation || seeds.length === 0) return;
      const first = seeds[0]!;
      store.setState({
        ...IDLE,
        active: true,
        seedIds: seeds.map((row) => row.id),
        seedLabel: label ?? (seeds.length === 1 ? first.title : `${first.title} and ${seeds.length - 1} more`),
      });
      // The seeds play at once; the first batch follows them as soon as the index answers.
      own(() => deps.playNow(seeds));
      topUp();
    },
    stop,
    setExcludeGenres(genres) {
      if (!store.getState().active) return;
      generation++;
      inFlight = false;
      store.setState({ excludeGenres: genres, exhausted: false, notice: null, loading: false });
      const gone = excludedUpcoming(deps.queue.get(), genres);
      if (gone.length > 0) own(() => deps.remove(gone));
      topUp();
    },
    retry() {
      store.setState({ exhausted: false, notice: null });
      topUp();
    },
    dispose() {
      stop();
      unsubscribe();
    },
  };
}
