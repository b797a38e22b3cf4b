// Both ends of the views thread. The thread keeps its own read-only connection (WAL lets it
// read while the writer writes) and the snapshots, so that no sort of 250k rows ever runs on
// the main process's event loop.
import type { StartOf } from '../../common/thread-start.ts';
import { TonearmError, toErrorInfo } from '../../../shared/result.ts';
import { openReadOnly } from '../catalog/open.ts';
import { CatalogReads } from '../catalog/reads/index.ts';
import { openThread, serveThread, type Remote } from '../threads/channel.ts';
import { ViewsEngine } from './engine.ts';

const SERVED = ['open', 'window', 'ids', 'search', 'album', 'artist', 'folders', 'warm', 'smartTrackIds'] as const;
type EngineApi = Pick<ViewsEngine, (typeof SERVED)[number]>;
/** The engine's methods, answered through the thread. */
export type ViewsApi = Remote<EngineApi>;

/** Inside the thread: requests are answered one at a time, in order. */
export function runViewsWorker(start: StartOf<'views'>): void {
  let engine: ViewsEngine | null = null;
  let settling: NodeJS.Immediate | null = null;
  const served = {} as Record<string, (...args: unknown[]) => unknown>;
  for (const method of SERVED) {
    served[method] = (...args: unknown[]) => {
      engine ??= openEngine(start.dbPath);
      const value = (engine[method] as (...a: unknown[]) => unknown).apply(engine, args);
      // A list opened with its first rows only has them now; the rest of its order is read
      // once the requests already waiting (its next window, another click) are answered.
      const idle = engine;
      settling ??= setImmediate(() => {
        settling = null;
        try {
          idle.settle();
        } catch (err) {
          console.error('tonearm: the views thread could not finish reading an order:', err);
        }
      });
      return value;
    };
  }
  serveThread(served);
}

function openEngine(dbPath: string): ViewsEngine {
  // Orders are held in memory once read: a small page cache does (the OS keeps the file);
  // 8 MB holds a screen's rows and the indexes they are read through.
  return new ViewsEngine(new CatalogReads(openReadOnly(dbPath, 8_000)));
}

/** In the main process: the thread, restarted by the next call if it ever dies. */
export class ViewsThread implements ViewsApi {
  private readonly channel;

  constructor(entry: string, dbPath: string) {
    this.channel = openThread<EngineApi>(
      entry,
      { thread: 'views', dbPath },
      {
        // The thread's own garbage (a search's 200k ids) is collected before its heap grows past
        // this; what it keeps is far smaller (orders and snapshots are bounded above).
        resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 },
      },
    );
    this.channel.ref(false);
  }

  open: ViewsApi['open'] = (...args) => this.call('open', args);
  window: ViewsApi['window'] = (...args) => this.call('window', args);
  ids: ViewsApi['ids'] = (...args) => this.call('ids', args);
  search: ViewsApi['search'] = (...args) => this.call('search', args);
  album: ViewsApi['album'] = (...args) => this.call('album', args);
  artist: ViewsApi['artist'] = (...args) => this.call('artist', args);
  folders: ViewsApi['folders'] = (...args) => this.call('folders', args);
  warm: ViewsApi['warm'] = () => this.call('warm', []);
  smartTrackIds: ViewsApi['smartTrackIds'] = (...args) => this.call('smartTrackIds', args);

  /** Starts the thread ahead of the first view, so that its start-up is not on the first paint. */
  start(): void {
    this.warm().catch(() => {});
  }

  close(): Promise<void> {
    return this.channel.dispose();
  }

  // The contract's callers expect a TonearmError with a code, whatever failed in the thread.
  private async call<K extends keyof EngineApi>(method: K, args: Parameters<EngineApi[K]>) {
    try {
      return await this.channel.call(method, args);
    } catch (err) {
      const { code, message } = toErrorInfo(err);
      throw new TonearmError(code, message);
    }
  }
}
