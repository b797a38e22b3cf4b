// What is playing and how far along; the audio element itself lives in player/audio-output.
import { create } from 'zustand';
import type { TrackRow } from '../../../shared/domain.ts';

interface PlayerState {
  current: TrackRow | null;
  playing: boolean;
  position: number;
  duration: number;
  error: string | null;
  set(partial: Partial<Omit<PlayerState, 'set'>>): void;
}

export const usePlayer = create<PlayerState>((set) => ({
  current: null,
  playing: false,
  position: 0,
  duration: 0,
  error: null,
  set: (partial) => set(partial),
}));
