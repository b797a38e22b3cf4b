// Keeps what is on screen current: every library change goes to the lists and pages that are
// mounted, and one that comes back into view (or a window that wakes up) checks what it missed.
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { LibraryChange } from '../../../../shared/domain.ts';
import { onEvent } from '../../bridge/api.ts';
import type { ListSource, RowSource } from './list-source.ts';

type Listener = (change: LibraryChange | null) => void;
const listeners = new Set<Listener>();
/** The newest library version an event announced: a list whose snapshot is newer missed nothing. */
let lastAnnounced = 0;
/** A list opened this recently, at a version no event has passed, needs no check on its first mount. */
const JUST_OPENED_MS = 1000;

onEvent('library.changed', (change) => {
  lastAnnounced = Math.max(lastAnnounced, change.version);
  for (const listener of listeners) listener(change);
});
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState !== 'visible') return;
  for (const listener of listeners) listener(null);
});

/** Calls `listener` with each library change (null: "check") while the component is mounted. */
export function useLibraryChanges(listener: Listener): void {
  useEffect(() => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [listener]);
}

/**
 * A mounted list follows the library; one remounted first checks what it missed meanwhile. A
 * search's songs, opened from the reply that also brought them to the screen, have missed
 * nothing: a round trip per keystroke saved.
 */
export function useLiveSource<R extends { id: number }>(source: ListSource<R> | null): void {
  useLibraryChanges(useCallback((change: LibraryChange | null) => void source?.catchUp(change), [source]));
  useEffect(() => {
    if (source?.status !== 'ready') return;
    const fresh = source.version >= lastAnnounced && performance.now() - source.openedAt < JUST_OPENED_MS;
    if (!fresh) void source.catchUp(null);
  }, [source]);
}

/** Opens the list while the component shows it, and stops its fetching when it goes. */
export function useOpenSource<R extends { id: number }>(source: ListSource<R> | null): void {
  useEffect(() => {
    if (!source) return;
    void source.open();
    return () => source.dispose();
  }, [source]);
}

/** Re-renders the component when the list's status or length changes (a count, an empty state), not for every page of rows. */
export function useShape<R extends { id: number }>(source: RowSource<R>): string {
  const subscribe = useCallback((listener: () => void) => source.subscribe(listener), [source]);
  const shape = useCallback(() => `${source.status} ${source.total}`, [source]);
  return useSyncExternalStore(subscribe, shape);
}

/** Re-renders the component whenever the source has new rows or a new snapshot. */
export function useRows<R extends { id: number }>(source: RowSource<R>): number {
  const subscribe = useCallback((listener: () => void) => source.subscribe(listener), [source]);
  const revision = useCallback(() => source.getRevision(), [source]);
  return useSyncExternalStore(subscribe, revision);
}
