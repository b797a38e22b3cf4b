// What is playing, how far along, and how loud. The engine behind it lives in player/.
import { create } from 'zustand';
import type { TrackRow } from '../../../shared/domain.ts';
import type { EngineStatus } from '../player/engine.ts';
import type { PlaybackFailure } from '../player/failure-log.ts';

export interface PlayerState {
  current: TrackRow | null;
  /** The queue item playing (one track may be queued twice). */
  currentKey: number | null;
  status: EngineStatus;
  /** Sound is coming, or about to: playing or loading. */
  playing: boolean;
  position: number;
  duration: number;
  volume: number;
  muted: boolean;
  /** The last track that could not be played, and why; shown until the next start by hand. */
  error: string | null;
  /** Queue items that failed, with their message. */
  failed: ReadonlyMap<number, string>;
  /** Every failure of the session, newest first, for the list the bar opens. */
  failures: readonly PlaybackFailure[];
  set(partial: Partial<Omit<PlayerState, 'set'>>): void;
}

export const usePlayer = create<PlayerState>((set) => ({
  current: null,
  currentKey: null,
  status: 'idle',
  playing: false,
  position: 0,
  duration: 0,
  volume: 1,
  muted: false,
  error: null,
  failed: new Map(),
  failures: [],
  set: (partial) => set(partial),
}));
