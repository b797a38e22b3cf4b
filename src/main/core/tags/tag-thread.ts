// The tags thread: reading and rewriting files with node-taglib-sharp is synchronous and takes
// from a millisecond to tens of them a file (an Opus file's pages are renumbered): here, off
// the main event loop. One call per file, so a batch is cancelled between any two files.
import { dirname } from 'node:path';
import type { CoverInfo } from '../../common/parse-protocol.ts';
import { CoverStore } from '../../common/cover-store.ts';
import type { StartOf } from '../../common/thread-start.ts';
import { describeError, errorCode, errorMessage, errorSentence } from '../../../shared/error-text.ts';
import type { TagChanges, TagFields } from '../../../shared/tags.ts';
import { folderCoverOf } from '../scanner/walk.ts';
import { serveThread } from '../threads/channel.ts';
import { rewriteSafely, type Rewritten } from './safe-write.ts';
import { unaskedChanges } from './verify.ts';
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
    async read(path: string): Promise<TagRead> {
      const { fields, cover } = await explained(path, 'read', () => readTags(path));
      return { fields, coverHash: cover ? coverHash(cover) : null };
    },
    /** What undo needs of a file before it is edited: its fields and, when the cover changes, its cover. */
    async snapshot(
      path: string,
      withCover: boolean,
    ): Promise<{ fields: TagFields; cover: CoverImage | null | undefined }> {
      const { fields, cover } = await explained(path, 'read', () => readTags(path));
      return { fields, cover: withCover ? cover : undefined };
    },
    async rewrite(path: string, changes: TagChanges, cover: CoverEdit): Promise<TagRewrite> {
      const written = await explained(path, 'write', () =>
        rewriteSafely(path, async (temp, original) => {
          writeTags(temp, changes, cover);
          const unasked = await unaskedChanges(original, temp, changes, cover !== undefined);
          if (unasked.length > 0) {
            throw new Error(
              `${path}: the edit would also change ${unasked.join(', ')} (the tag library reads this file's tags differently from Tonearm), so the file was left as it was`,
            );
          }
        }),
      );
      // With the embedded cover gone, the track shows its folder's image, as a scan would find it.
      const folder = cover === null ? folderCoverOf(dirname(path)) : null;
      const stored = cover
        ? covers.store(cover.data, cover.mime, 'embedded')
        : folder
          ? covers.storeFolderImage(folder)
          : cover;
      return { ...written, cover: stored };
    },
  };
}

/**
 * A failure as the sentence the user reads, naming the file (never the temporary copy): a
 * system error in error-text's words, the library's refusal of a file it cannot handle as such.
 */
async function explained<T>(path: string, doing: 'read' | 'write', work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const message = errorMessage(err);
    const code = errorCode(err);
    if (code && describeError(err)) {
      // Described from its code alone: its message may name the temporary copy.
      throw Object.assign(new Error(errorSentence(Object.assign(new Error(code), { code }), { path })), { code });
    }
    if (message.startsWith(path)) throw Object.assign(new Error(message), { code: 'TAGS_REFUSED' });
    throw Object.assign(new Error(`${path}: Tonearm cannot ${doing} the tags of this file (${message})`), {
      code: 'TAGS_REFUSED',
    });
  }
}

export type TagOperations = ReturnType<typeof tagOperations>;

export function runTagThread(start: StartOf<'tags'>): void {
  serveThread(tagOperations(start.coversDir));
}
