// The app's own commands that need no catalog: they answer while the catalog is damaged too.
import { dirname } from 'node:path';
import { log } from '../log.ts';
import type { Handlers } from './handlers.ts';

export interface AppHandlerDeps {
  logFile: string;
  /** Opens a folder in the OS's file manager; absent where there is none to open (a browser). */
  openFolder?: (path: string) => Promise<boolean>;
  /** The file of a track, for the log; null when unknown or no catalog is open. */
  trackPath?: (trackId: number) => string | null;
}

export function appHandlers(deps: AppHandlerDeps): Pick<Handlers, 'app.reportError' | 'app.openLogFolder'> {
  return {
    'app.reportError': ({ kind, message, trackId }) => {
      const track = trackId === undefined ? '' : ` (track ${trackId}${describe(deps.trackPath?.(trackId))})`;
      log.warn(`${kind} error${track}: ${message}`);
      return null;
    },
    'app.openLogFolder': async () => {
      const path = dirname(deps.logFile);
      const opened = deps.openFolder ? await deps.openFolder(path) : false;
      return { path, opened };
    },
  };
}

function describe(path: string | null | undefined): string {
  return path ? `, ${path}` : '';
}
