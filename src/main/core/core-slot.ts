// The app's and the host's hold on the Core. A damaged catalog must not stop them starting:
// the slot stays empty, every command but the catalog's answers DB_CORRUPT with the one-line
// reason, and Settings → Library offers the backups. A restore closes the Core (every
// connection and thread), swaps the file and opens a new Core on the same bus, so the
// transports never rewire; windows get catalog.changed and reload.
import type { CatalogStatus, RestoreResult } from '../../shared/catalog.ts';
import { commandNames, type CommandName } from '../../shared/contract.ts';
import { toErrorInfo, TonearmError } from '../../shared/result.ts';
import { catalogHandlers, type CatalogHolder } from './api/catalog-handlers.ts';
import { createHandlers, type Platform } from './api/create-handlers.ts';
import { appHandlers } from './api/app-handlers.ts';
import type { Handlers } from './api/handlers.ts';
import { listBackups } from './catalog/backup-files.ts';
import { restoreCatalog } from './catalog/backups.ts';
import { forgetCheck } from './catalog/check-marker.ts';
import { damaged } from './catalog/integrity.ts';
import { Core, type CoreOptions } from './core.ts';
import { EventBus } from './events/bus.ts';
import { dataPaths, logFilePath } from './paths.ts';
import { log } from './log.ts';
import { errorMessage } from '../../shared/error-text.ts';

/** Answered with no Core: what the restore offer needs. */
const WITHOUT_CORE = new Set<CommandName>(['catalog.status', 'catalog.backups', 'catalog.restore', 'app.info']);

export class CoreSlot implements CatalogHolder {
  readonly bus = new EventBus();
  readonly dbPath: string;
  private current: Core | null = null;
  private problem: string | null = null;
  private restoring = false;
  private readonly options: CoreOptions;
  private readonly watch: boolean;

  constructor(options: CoreOptions, start: { watch: boolean }) {
    this.options = { ...options, bus: this.bus };
    this.watch = start.watch;
    this.dbPath = dataPaths(options.dbPath).dbPath;
  }

  get core(): Core | null {
    return this.current;
  }

  /** Opens the Core; a damaged catalog leaves the slot empty, anything else is thrown. */
  open(): void {
    try {
      this.current = new Core(this.options);
      this.problem = null;
    } catch (err) {
      if (!(err instanceof TonearmError && err.code === 'DB_CORRUPT')) throw err;
      this.problem = err.message;
      log.error(`tonearm: ${err.message}`);
      return;
    }
    this.current.start({ watch: this.watch });
  }

  status(): CatalogStatus {
    return { path: this.dbPath, state: this.problem ? 'damaged' : 'ok', problem: this.problem };
  }

  async restore(name?: string): Promise<RestoreResult> {
    if (this.restoring) throw new TonearmError('BAD_INPUT', 'A restore is already under way');
    const backup = name === undefined ? undefined : listBackups(this.dbPath).find((b) => b.name === name);
    if (name !== undefined && !backup) throw new TonearmError('NOT_FOUND', `No backup named ${name}`);
    this.restoring = true;
    const closing = this.current;
    this.current = null;
    try {
      await closing?.close();
      return restoreCatalog(this.dbPath, backup?.path);
    } finally {
      // Whatever happened, open what is there now: the restored file, or the one we had.
      this.restoring = false;
      this.open();
      this.bus.emit('catalog.changed', this.status());
    }
  }

  /** The contract: the Core's handlers while there is one, the catalog's always. */
  handlers(platform?: Platform): Handlers {
    let forCore: { core: Core; handlers: Handlers } | null = null;
    const ofCore = (core: Core) => {
      if (forCore?.core !== core) forCore = { core, handlers: createHandlers(core, platform) };
      return forCore.handlers;
    };
    const own = catalogHandlers(this);
    const handlers = {} as Record<CommandName, (input: unknown) => unknown>;
    for (const name of commandNames) {
      handlers[name] = async (input) => {
        const core = this.current;
        if (name in own) {
          if (core || WITHOUT_CORE.has(name)) return (own[name as keyof typeof own] as (i: unknown) => unknown)(input);
        }
        if (!core) {
          if (name === 'app.info') return this.appInfo();
          const app = appHandlers({ logFile: this.appInfo().logFile, openFolder: platform?.openFolder });
          if (name in app) return (app[name as keyof typeof app] as (i: unknown) => unknown)(input);
          throw new TonearmError(
            'DB_CORRUPT',
            this.restoring ? 'The catalog is being restored' : (this.problem ?? 'No catalog is open'),
          );
        }
        try {
          return await (ofCore(core)[name] as (i: unknown) => unknown)(input);
        } catch (err) {
          if (toErrorInfo(err).code !== 'DB_CORRUPT' || err instanceof TonearmError) throw err;
          // A read met a damaged page the start-up check skipped (see check-marker.ts): say
          // which file and what to do, and make the next start check.
          forgetCheck(this.dbPath);
          throw damaged(this.dbPath, errorMessage(err));
        }
      };
    }
    return handlers as unknown as Handlers;
  }

  private appInfo() {
    const paths = dataPaths(this.options.dbPath);
    return {
      version: this.options.version,
      dataDir: paths.dataDir,
      dbPath: paths.dbPath,
      host: this.options.host,
      logFile: logFilePath(paths.dataDir),
    };
  }

  async close(): Promise<void> {
    const closing = this.current;
    this.current = null;
    await closing?.close();
  }
}
