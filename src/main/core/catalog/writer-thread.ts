// Both ends of the catalog's writer thread, the catalog's one writer. An import writes tens of
// thousands of rows, each updating a dozen indexes and the search index: done on the main
// process's event loop, that work alone made it stall for tens of milliseconds at a time, and a
// second writer there would wait up to busy_timeout behind this one. The thread has its own
// connection (WAL: readers never wait).
import type { LibraryChange } from '../../../shared/domain.ts';
import type { StartOf } from '../../common/thread-start.ts';
import { openThread, serveThread, type ThreadChannel } from '../threads/channel.ts';
import { openDatabase } from './open.ts';
import { writeOperations, type WriteOperations } from './write-operations.ts';

type Operations = Omit<WriteOperations, 'takeAppended'>;
type Method = keyof Operations;
/** An operation's answer with the changes it committed, oldest first. */
interface Written {
  value: unknown;
  changes: LibraryChange[];
}
type Served = { [K in Method]: (...args: Parameters<Operations[K]>) => Written };

/** Inside the thread. */
export function runWriterWorker(start: StartOf<'writer'>): void {
  const { db } = openDatabase(start.dbPath);
  const operations = writeOperations(db);
  const served = {} as Record<string, (...args: unknown[]) => Written>;
  for (const [method, run] of Object.entries(operations)) {
    if (method === 'takeAppended') continue;
    served[method] = (...args) => {
      operations.takeAppended();
      try {
        const value = (run as (...a: unknown[]) => unknown)(...args);
        return { value, changes: operations.takeAppended() };
      } catch (err) {
        // A failed transaction rolled back what it appended: none of it is announced.
        operations.takeAppended();
        throw err;
      }
    };
  }
  serveThread(served);
}

export type CatalogWrites = {
  [K in Method]: (...args: Parameters<Operations[K]>) => Promise<ReturnType<Operations[K]>>;
};

/**
 * In the main process: every catalog write, answered in commit order. What each write
 * committed is announced before its caller hears back, so announcements keep that order.
 */
export class CatalogWriter {
  readonly write: CatalogWrites;
  private readonly channel: ThreadChannel<Served>;

  constructor(entry: string, dbPath: string, announce: (change: LibraryChange) => void) {
    this.channel = openThread<Served>(entry, { thread: 'writer', dbPath });
    this.channel.ref(false);
    this.write = new Proxy({} as CatalogWrites, {
      get: (_target, method) =>
        typeof method !== 'string'
          ? undefined
          : (...args: unknown[]) =>
              this.channel.call(method as Method, args as never).then(({ value, changes }) => {
                for (const change of changes) announce(change);
                return value;
              }),
    });
  }

  /** Ends the thread; the next write starts it again. */
  stop(): Promise<void> {
    return this.channel.stop();
  }

  close(): Promise<void> {
    return this.channel.dispose();
  }
}
