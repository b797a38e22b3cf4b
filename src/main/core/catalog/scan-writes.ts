// What a scan writes, in the order it writes it: begin, moves, batches of parsed files, and
// the finish (missing, purged, orphans, the search index).
import type Database from 'better-sqlite3';
import type { ParseResult } from '../../common/parse-protocol.ts';
import type { ChangeLog } from './changes.ts';
import { LibraryWriter, type FileContext } from './library-writer.ts';
import { purgeMissing, removeOrphans } from './maintenance.ts';
import { applyTagEdits, type TagEditRecord } from './tag-writes.ts';

export type WriteBatch = readonly { result: ParseResult; context: FileContext }[];

export function scanWrites(db: Database.Database, changes: ChangeLog) {
  let writer = new LibraryWriter(db, changes);
  return {
    beginScan() {
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
    finishScan(missingIds: readonly number[], purgeBefore: number, orphans: boolean) {
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
    /** Files whose tags Tonearm rewrote: their rows follow, through the same writer as a scan's. */
    applyTagEdits(edits: readonly TagEditRecord[]) {
      return applyTagEdits(db, writer, edits);
    },
    /** Whatever the search index still lacks of this scan's tracks, indexed now. */
    indexSearch() {
      // Searches answered while tracks waited are out of date: a change tells the views.
      return db.transaction(() => (writer.search.catchUp() ? changes.appendStructural() : null))();
    },
  };
}
