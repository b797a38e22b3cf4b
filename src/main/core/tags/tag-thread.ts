// The tags thread: reading and rewriting files with node-taglib-sharp is synchronous and takes
// from a millisecond to tens of them a file (an Opus file's pages are renumbered): here, off
// the main event loop. One call per file, so a batch is cancelled between any two files.
import type { CoverInfo } from '../../common/parse-protocol.ts';
import { CoverStore } from '../../common/cover-store.ts';
import type { StartOf } from '../../common/thread-start.ts';
import type { TagChanges, TagFields } from '../../../shared/tags.ts';
import { serveThread } from '../threads/channel.ts';
import { rewriteSafely, type Rewritten } from './safe-write.ts';
import { coverHash, readTags, writeTags, type CoverEdit, type CoverImage } from './tag-file.ts';

export interface TagRead {
  fields: TagFields;
  coverHash: string | null;
}

export interface TagRewrite extends Rewritten {
  /** The cover now embedded, stored in the covers folder (null: none; undefined: not changed). */
  cover: CoverInfo | null | undefined;
}

export function tagOperations(coversDir: string) {
  const covers = new CoverStore(coversDir);
  return {
    read(path: string): TagRead {
      const { fields, cover } = readTags(path);
      return { fields, coverHash: cover ? coverHash(cover) : null };
    },
    /** What undo needs of a file before it is edited: its fields and, when the cover changes, its cover. */
    snapshot(path: string, withCover: boolean): { fields: TagFields; cover: CoverImage | null | undefined } {
      const { fields, cover } = readTags(path);
      return { fields, cover: withCover ? cover : undefined };
    },
    rewrite(path: string, changes: TagChanges, cover: CoverEdit): TagRewrite {
      const written = rewriteSafely(path, (temp) => writeTags(temp, changes, cover));
      const stored = cover ? covers.store(cover.data, cover.mime, 'embedded') : cover;
      return { ...written, cover: stored };
    },
  };
}

export type TagOperations = ReturnType<typeof tagOperations>;

export function runTagThread(start: StartOf<'tags'>): void {
  serveThread(tagOperations(start.coversDir));
}
