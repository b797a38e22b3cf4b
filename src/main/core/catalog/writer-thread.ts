// Both ends of the catalog's writer thread. An import writes tens of thousands of rows, each
// updating a dozen indexes and the search index: done on the main process's event loop, that
// work alone made it stall for tens of milliseconds at a time. The thread has its own
// connection (WAL: one writer at a time, readers never wait).
import type { StartOf } from '../../common/thread-start.ts';
import { openThread, serveThread, type Remote } from '../threads/channel.ts';
import type { ParseResult } from '../../common/parse-protocol.ts';
import { ChangeLog } from './changes.ts';
import { LibraryWriter, type FileContext } from './library-writer.ts';
import { purgeMissing, removeOrphans } from './maintenance.ts';
import { openDatabase } from './open.ts';

export type WriteBatch = readonly { result: ParseResult; context: FileContext }[];

/** The thread's operations; the caller gets the same names, answering through the thread. */
function writerOperations(dbPath: string) {
  const { db } = openDatabase(dbPath);
  const changes = new ChangeLog(db);
  let writer = new LibraryWriter(db, changes);
  return {
    begin() {
      writer = new LibraryWriter(db, changes);
      return null;
    },
    prepareMoves(missingIds: readonly number[]) {
      writer.prepareMoves(missingIds);
      return null;
    },
    writeBatch(batch: WriteBatch) {
      return { change: writer.writeBatch(batch), moved: writer.moved };
    },
    clearMissing(ids: readonly number[]) {
      return writer.clearMissing(ids);
    },
    finish(missingIds: readonly number[], purgeBefore: number, orphans: boolean) {
      // Missing tracks a moved file did not claim are really missing; long-missing ones go.
      const stillMissing = missingIds.filter((id) => !writer.claimed.has(id));
      const missing = writer.markMissing(stillMissing);
      const removedIds = purgeMissing(db, purgeBefore);
      const removed =
        removedIds.length > 0
          ? changes.append({ added: [], updated: [], removed: removedIds, structural: true })
          : null;
      // Albums, artists or genres can only lose their last track if tracks changed.
      if (orphans || removedIds.length > 0) removeOrphans(db);
      return { missing, missingCount: stillMissing.length, removed, removedCount: removedIds.length };
    },
    /** Whatever the search index still lacks of this scan's tracks, indexed now. */
    indexSearch() {
      // Searches answered while tracks waited are out of date: a change tells the views.
      return db.transaction(() => (writer.search.catchUp() ? changes.appendStructural() : null))();
    },
  };
}
export type WriterApi = ReturnType<typeof writerOperations>;

/** Inside the thread. */
export function runWriterWorker(start: StartOf<'writer'>): void {
  serveThread(writerOperations(start.dbPath));
}

/** In the main process: the thread, started on first use; its calls are answered in order. */
export class WriterThread {
  private readonly channel;
  readonly remote: Remote<WriterApi>;

  constructor(entry: string, dbPath: string) {
    this.channel = openThread<WriterApi>(entry, { thread: 'writer', dbPath });
    this.channel.ref(false);
    this.remote = this.channel.remote;
  }

  begin = () => this.remote.begin();
  prepareMoves = (missingIds: readonly number[]) => this.remote.prepareMoves(missingIds);
  writeBatch = (batch: WriteBatch) => this.remote.writeBatch(batch);
  clearMissing = (ids: readonly number[]) => this.remote.clearMissing(ids);
  finish = (missingIds: readonly number[], purgeBefore: number, orphans: boolean) =>
    this.remote.finish(missingIds, purgeBefore, orphans);
  indexSearch = () => this.remote.indexSearch();

  stop(): Promise<void> {
    return this.channel.stop();
  }
}
