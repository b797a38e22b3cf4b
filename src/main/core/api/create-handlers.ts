import type { Core } from '../core.ts';
import type { Handlers } from './handlers.ts';
import { TonearmError } from '../../../shared/result.ts';
import type { PlaybackState } from '../../../shared/domain.ts';
import { commands } from '../../../shared/contract.ts';
import { catalogHandlers } from './catalog-handlers.ts';
import { playlistHandlers } from './playlist-handlers.ts';
import { tagHandlers } from './tag-handlers.ts';
import { similarityHandlers } from './similarity-handlers.ts';
import { viewHandlers, type ShowItemInFolder } from '../views/handlers.ts';
import { appHandlers } from './app-handlers.ts';
import { logFilePath } from '../paths.ts';
import { browseFolder } from '../roots/folder-browser.ts';

const PLAYBACK_STATE_KEY = 'playback';

/** What only the platform around the core can do. */
export interface Platform {
  pickFolders(): Promise<string[] | null>;
  showItemInFolder?: ShowItemInFolder;
  /** Opens a folder in the file manager (the app's log folder); false when it could not. */
  openFolder?: (path: string) => Promise<boolean>;
}

const headless: Platform = { pickFolders: async () => null };

export function createHandlers(core: Core, platform: Platform = headless): Handlers {
  const { catalog } = core;
  const writes = core.writer.write;
  const knownRoot = (rootId: number) => {
    if (!catalog.roots.get(rootId)) throw new TonearmError('NOT_FOUND', `No library folder ${rootId}`);
  };
  return {
    ...viewHandlers(core, platform.showItemInFolder),
    ...playlistHandlers(core),
    ...tagHandlers(core),
    ...similarityHandlers(core.similarity),
    ...appHandlers({
      logFile: logFilePath(core.paths.dataDir),
      openFolder: platform.openFolder,
      trackPath: (trackId) => catalog.tracks.byIds([trackId])[0]?.path ?? null,
    }),
    // A Core alone cannot reopen itself: the app and the host hold it in a CoreSlot, which can.
    ...catalogHandlers({
      dbPath: core.paths.dbPath,
      core,
      status: () => ({ path: core.paths.dbPath, state: 'ok', problem: null }),
      restore: () => Promise.reject(new TonearmError('BAD_INPUT', 'Restore with Tonearm closed: tonearm restore')),
    }),
    'app.info': () => ({
      version: core.options.version,
      dataDir: core.paths.dataDir,
      dbPath: core.paths.dbPath,
      host: core.options.host,
      logFile: logFilePath(core.paths.dataDir),
    }),
    'playback.formatSupport': () => core.media.formatSupport(),
    'library.tracks': ({ offset, limit }) => ({
      total: catalog.tracks.count(),
      rows: catalog.tracks.page(offset, limit),
    }),
    'library.roots': () => catalog.roots.list(),
    'library.addRoot': ({ path }) => core.addRoot(path),
    'library.pickFolders': () => platform.pickFolders(),
    'library.browse': ({ path }) => browseFolder(path),
    'library.setRootWatch': async ({ rootId, watch }) => {
      knownRoot(rootId);
      await writes.setRootWatch(rootId, watch);
      return catalog.roots.get(rootId)!;
    },
    'library.removeRoot': async ({ rootId }) => {
      knownRoot(rootId);
      await writes.removeRoot(rootId);
      return null;
    },
    'scan.start': ({ rootIds, acceptLosses }) => {
      const { scanId, done } = core.scanner.start({ rootIds, acceptLosses });
      // The scanner logs a failed scan; the reply was the scan's id.
      done.catch(() => {});
      return { scanId };
    },
    'scan.cancel': () => {
      core.scanner.cancel();
      return null;
    },
    'scan.status': () => core.scanner.status(),
    'scan.lastSummary': () => core.scanner.lastSummary,
    'settings.get': () => core.settings.all,
    'settings.set': ({ key, value }) => core.settings.set(key, value),
    'scan.errors': ({ offset, limit }) => catalog.scanErrors.page(offset, limit),
    'library.setRootKind': async ({ rootId, kind }) => {
      knownRoot(rootId);
      await writes.setRootKindOverride(rootId, kind);
      return catalog.roots.get(rootId)!;
    },
    'cache.stats': () => core.cache.stats(),
    'cache.clear': async () => {
      await core.cache.clear();
      return core.cache.stats();
    },
    'cache.hint': ({ playingId, upNextId }) => {
      const where = (id: number | null) => {
        const file = id === null ? null : catalog.tracks.file(id);
        return file ? { path: file.path, rootId: file.rootId } : null;
      };
      core.cache.hint(where(playingId), where(upNextId));
      return null;
    },
    'cache.reportTiming': ({ kind, ms }) => {
      core.cache.reportTiming(kind, ms);
      return null;
    },
    'library.tracksByIds': ({ ids }) => catalog.tracks.byIds(ids),
    'playback.recordPlay': async ({ trackId }) => {
      const stats = await writes.recordPlay(trackId, Date.now());
      if (!stats) throw new TonearmError('NOT_FOUND', `No track ${trackId}`);
      return stats;
    },
    'playback.recordSkip': async ({ trackId }) => {
      const stats = await writes.recordSkip(trackId);
      if (!stats) throw new TonearmError('NOT_FOUND', `No track ${trackId}`);
      return stats;
    },
    'tracks.setRating': ({ trackIds, rating }) => writes.setRating(trackIds, rating),
    'playback.saveState': async (state) => {
      await writes.saveState(PLAYBACK_STATE_KEY, state);
      return null;
    },
    'playback.loadState': () => {
      // A state saved by another version of the app may not fit today's shape: start afresh then.
      const saved = commands['playback.saveState'].input.safeParse(catalog.settings.loadState(PLAYBACK_STATE_KEY));
      return saved.success ? (saved.data as PlaybackState) : null;
    },
  };
}
