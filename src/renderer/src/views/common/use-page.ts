// A page fetched whole (an album, an artist): loaded when shown, fetched again when the
// library changes under it, at most twice a second during an import.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LibraryChange } from '../../../../shared/domain.ts';
import { useLibraryChanges } from '../data/live.ts';

const MIN_RELOAD_MS = 500;

export function usePage<T>(
  load: () => Promise<T>,
  /** Whether a change concerns the page (the library changed under it). */
  affects: (page: T, change: LibraryChange) => boolean,
  key: string,
): { page: T | null; error: string | null } {
  const [state, setState] = useState<{ key: string; page: T | null; error: string | null }>({
    key,
    page: null,
    error: null,
  });
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  }, [state]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const reload = useCallback(() => {
    load().then(
      (page) => setState({ key, page, error: null }),
      (err: Error) => setState({ key, page: null, error: err.message }),
    );
  }, [load, key]);

  useEffect(() => {
    reload();
    return () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [reload]);

  useLibraryChanges(
    useCallback(
      (change: LibraryChange | null) => {
        const { page } = latest.current;
        if (timer.current || (change && page && !affects(page, change))) return;
        timer.current = setTimeout(() => {
          timer.current = null;
          reload();
        }, MIN_RELOAD_MS);
      },
      [affects, reload],
    ),
  );

  return state.key === key ? state : { page: null, error: null };
}
