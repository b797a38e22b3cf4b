// Every track that could not be played this session, newest first: a run of broken files can
// fail several in a second, and the one message on show names only the last.
export interface PlaybackFailure {
  /** The queue item that failed (one track may be queued twice). */
  key: number;
  trackId: number;
  message: string;
  at: number;
}

export const MAX_FAILURES_KEPT = 200;

export function logFailure(log: readonly PlaybackFailure[], failure: PlaybackFailure): PlaybackFailure[] {
  // The same item failing again (tried once more by hand) is one entry, moved to the top.
  const rest = log.filter((entry) => entry.key !== failure.key);
  return [failure, ...rest].slice(0, MAX_FAILURES_KEPT);
}

/** "1 track could not be played", "3 tracks…": the button that opens the list. */
export function failuresLabel(count: number): string {
  return `${count} ${count === 1 ? 'track' : 'tracks'} could not be played`;
}
