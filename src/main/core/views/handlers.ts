// The contract's view commands: the views thread answers the heavy ones, the change feed the
// catch-up, and the platform (the app's shell) shows a track in the file manager.
import { dirname } from 'node:path';
import { TonearmError } from '../../../shared/result.ts';
import type { Handlers } from '../api/handlers.ts';
import type { Core } from '../core.ts';

type ViewCommand =
  | 'views.open'
  | 'views.window'
  | 'views.ids'
  | 'views.search'
  | 'library.album'
  | 'library.artist'
  | 'library.folders'
  | 'library.changesSince'
  | 'library.showInFolder';

/** Opens the OS file manager with the file selected; absent where there is none (a browser). */
export type ShowItemInFolder = (path: string) => void;

export function viewHandlers(core: Core, showItemInFolder?: ShowItemInFolder): Pick<Handlers, ViewCommand> {
  const { thread, feed } = core.views;
  const found = <T>(value: T | null, what: string): T => {
    if (value === null) throw new TonearmError('NOT_FOUND', `No ${what}`);
    return value;
  };
  return {
    'views.open': ({ spec, ...options }) => thread.open(spec, options),
    'views.window': ({ snapshotId, offset, limit }) => thread.window(snapshotId, offset, limit),
    'views.ids': ({ snapshotId, offset, limit }) => thread.ids(snapshotId, offset, limit),
    'views.search': ({ text, sort, limit }) => thread.search(text, sort, limit),
    'library.album': async ({ albumId }) => found(await thread.album(albumId), `album ${albumId}`),
    'library.artist': async ({ artistId }) => found(await thread.artist(artistId), `artist ${artistId}`),
    'library.folders': ({ path }) => thread.folders(path),
    'library.changesSince': ({ version }) => feed.since(version),
    'library.showInFolder': ({ trackId }) => {
      const file = found(core.catalog.tracks.file(trackId), `track ${trackId}`);
      showItemInFolder?.(file.path);
      return { opened: showItemInFolder !== undefined, folder: dirname(file.path) };
    },
  };
}
