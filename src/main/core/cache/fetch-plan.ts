// Which chunk to fetch ahead of need: a pure function of what plays, what is cached and what
// is in flight, so that the policy can be read (and tested) apart from the fetching itself.
// What a reader waits for never comes from here: readers ask for their chunk themselves.
import { BACKGROUND, LOOKAHEAD, PREFETCH } from './chunk-fetch.ts';

/** A track as the planner sees it; a CacheEntry is one. */
export interface PlanTrack {
  readonly id: number;
  readonly chunkCount: number;
  readonly chunkSize: number;
  /** The chunk its readers last asked for. */
  readonly playhead: number;
  has(index: number): boolean;
}

export interface PlanInput<T extends PlanTrack = PlanTrack> {
  /** Tracks being read, the most recently read first. */
  active: readonly T[];
  /** The next queued track, if it is to be prefetched and can be. */
  next: T | null;
  inFlight(id: number, index: number): boolean;
  /** Chunk fetches under way that no reader waits for. */
  aheadUnderway: number;
  lookaheadChunks: number;
  backgroundFill: boolean;
}

export interface PlannedFetch<T extends PlanTrack = PlanTrack> {
  track: T;
  index: number;
  priority: number;
}

/** Chunk fetches under way for lookahead, prefetch and background together. */
export const AHEAD_FETCHES = 3;
/** How much of the next track is fetched ahead: enough for its start to play at once. */
export const PREFETCH_BYTES = 4 * 1024 * 1024;

export function planFetch<T extends PlanTrack>(input: PlanInput<T>): PlannedFetch<T> | null {
  if (input.aheadUnderway >= AHEAD_FETCHES) return null;
  const missing = (t: T, i: number) => !t.has(i) && !input.inFlight(t.id, i);
  const lookahead = (upTo: number) => {
    for (const track of input.active) {
      const last = Math.min(track.chunkCount - 1, track.playhead + upTo);
      for (let i = track.playhead; i <= last; i++) if (missing(track, i)) return { track, index: i };
    }
    return null;
  };
  const next = input.next;
  const prefetch = (chunks: number) => {
    if (!next) return null;
    for (let i = 0; i < Math.min(next.chunkCount, chunks); i++) if (missing(next, i)) return { track: next, index: i };
    return null;
  };
  // The next couple of chunks, then the next track's first, then the rest of the window:
  // a long lookahead on a slow link must not starve the start of the next track.
  const stages: [() => { track: T; index: number } | null, number][] = [
    [() => lookahead(Math.min(input.lookaheadChunks, 2)), LOOKAHEAD],
    [() => prefetch(1), PREFETCH],
    [() => lookahead(input.lookaheadChunks), LOOKAHEAD],
    [() => prefetch(Math.max(1, Math.ceil(PREFETCH_BYTES / (next?.chunkSize ?? PREFETCH_BYTES)))), PREFETCH],
  ];
  for (const [find, priority] of stages) {
    const found = find();
    if (found) return { ...found, priority };
  }
  if (!input.backgroundFill) return null;
  // The rest of the file from the playhead on, then what lies before it: after a seek the
  // bytes ahead are the likelier to be played.
  for (const track of input.active) {
    for (let step = 1; step < track.chunkCount; step++) {
      const i = (track.playhead + step) % track.chunkCount;
      if (missing(track, i)) return { track, index: i, priority: BACKGROUND };
    }
  }
  return null;
}
