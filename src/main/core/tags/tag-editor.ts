// Tag edits of the library's tracks: the editor's state for a selection, and batches that
// rewrite files (in the tags thread), follow in the catalog as they go (through the writer,
// with the files' new fingerprints), report progress, stop when cancelled, and can be undone.
import { errorSentence } from '../../../shared/error-text.ts';
import { TonearmError } from '../../../shared/result.ts';
import type {
  CoverChange,
  TagBatchResult,
  TagChanges,
  TagEditorState,
  TagFields,
  TagFileError,
  TagTransforms,
} from '../../../shared/tags.ts';
import type { Catalog } from '../catalog/index.ts';
import type { CatalogWrites } from '../catalog/writer-thread.ts';
import type { EventBus } from '../events/bus.ts';
import { openThread, type ThreadChannel } from '../threads/channel.ts';
import { readOnlyFormat, writableFormat } from './formats.ts';
import type { TagOperations } from './tag-thread.ts';
import { Batch } from './tag-batch.ts';
import { coverEdit } from './cover-input.ts';
import type { CoverEdit } from './tag-file.ts';
import { fieldsBefore, mergeCovers, mergeFields, planChanges } from './write-plan.ts';

export interface TagEditorDeps {
  catalog: Catalog;
  writes: CatalogWrites;
  bus: EventBus;
  threadEntry: string;
  coversDir: string;
}

export interface TagWriteRequest {
  ids: readonly number[];
  changes: TagChanges;
  transforms?: TagTransforms;
  cover?: CoverChange;
}

/** One file's edit: its own changes (a numbering differs per file) and the cover's. */
interface FileEdit {
  changes: TagChanges;
  cover: CoverEdit;
}

export class TagEditor {
  private readonly deps: TagEditorDeps;
  private readonly thread: ThreadChannel<TagOperations>;
  private running: AbortController | null = null;
  private lastBatchId = 0;
  /** What the last batch replaced, per track: put back by undo(). */
  private undoable: Map<number, FileEdit> | null = null;

  constructor(deps: TagEditorDeps) {
    this.deps = deps;
    this.thread = openThread<TagOperations>(deps.threadEntry, { thread: 'tags', coversDir: deps.coversDir });
    this.thread.ref(false);
  }

  /** The editor's state for these tracks: shared values, mixed fields, and the tracks refused with why. */
  async read(ids: readonly number[]): Promise<TagEditorState> {
    const { files, refused } = this.resolve(ids);
    const fields: TagFields[] = [];
    const covers: (string | null)[] = [];
    const readable: number[] = [];
    for (const [id, path] of files) {
      try {
        const read = await this.thread.remote.read(path);
        fields.push(read.fields);
        covers.push(read.coverHash);
        readable.push(id);
      } catch (err) {
        refused.push({ id, path, message: errorSentence(err, { path }) });
      }
    }
    return { ids: readable, fields: mergeFields(fields), cover: mergeCovers(covers), refused };
  }

  get busy(): boolean {
    return this.running !== null;
  }

  cancel(): void {
    this.running?.abort();
  }

  /** Writes the changes to these tracks; a file that fails is reported and the rest go on. */
  async write(request: TagWriteRequest): Promise<TagBatchResult> {
    const cover = await coverEdit(request.cover);
    return this.run(request.ids, async (ids, current) => {
      const plan = planChanges(ids, current, request.changes, request.transforms);
      const edits = new Map<number, FileEdit>();
      for (const id of ids) {
        const changes = plan.get(id);
        if (changes || cover !== undefined) edits.set(id, { changes: changes ?? {}, cover });
      }
      return edits;
    });
  }

  /** Puts back what the last batch replaced (its files only, their fields and cover as they were). */
  async undo(): Promise<TagBatchResult> {
    const last = this.undoable;
    if (!last) throw new TonearmError('NOT_FOUND', 'There is no tag edit to undo');
    const result = await this.run([...last.keys()], async () => last, { keepsUndo: false });
    return { ...result, undoable: false };
  }

  private async run(
    ids: readonly number[],
    plan: (ids: number[], current: Map<number, TagFields>) => Promise<Map<number, FileEdit>>,
    options = { keepsUndo: true },
  ): Promise<TagBatchResult> {
    if (this.running) throw new TonearmError('BAD_INPUT', 'A tag edit is already running: wait for it or cancel it');
    const abort = new AbortController();
    this.running = abort;
    const batchId = ++this.lastBatchId;
    try {
      const { files, refused } = this.resolve(ids);
      const failed: TagFileError[] = [...refused];
      const paths = new Map(files);
      // What each file holds now, read as it is about to be written (and kept for undo).
      const current = await this.currentFields(paths, failed);
      const edits = await plan([...paths.keys()], current);
      const before = new Map<number, FileEdit>();
      const batch = new Batch(this.deps, batchId, edits.size, failed);
      for (const [id, edit] of edits) {
        if (abort.signal.aborted) break;
        const path = paths.get(id)!;
        let written;
        try {
          const cover = edit.cover === undefined ? undefined : (await this.thread.remote.snapshot(path, true)).cover;
          written = await this.thread.remote.rewrite(path, edit.changes, edit.cover);
          before.set(id, { changes: fieldsBefore(current.get(id)!, edit.changes), cover });
        } catch (err) {
          batch.failed({ id, path, message: errorSentence(err, { path }) });
          continue;
        }
        // A catalog that cannot follow (its disk full) stops the batch: the error is the batch's.
        await batch.written({ trackId: id, ...written, changes: edit.changes });
      }
      await batch.finish();
      if (options.keepsUndo) this.undoable = before.size > 0 ? before : this.undoable;
      else this.undoable = null;
      return {
        batchId,
        written: batch.count,
        failed,
        cancelled: abort.signal.aborted,
        undoable: options.keepsUndo && before.size > 0,
      };
    } finally {
      this.running = null;
    }
  }

  /** Each file's fields; a file that cannot be read is moved from `paths` to `failed`. */
  private async currentFields(paths: Map<number, string>, failed: TagFileError[]): Promise<Map<number, TagFields>> {
    const current = new Map<number, TagFields>();
    for (const [id, path] of paths) {
      try {
        current.set(id, (await this.thread.remote.read(path)).fields);
      } catch (err) {
        failed.push({ id, path, message: errorSentence(err, { path }) });
        paths.delete(id);
      }
    }
    return current;
  }

  /** The files of these tracks that can be written, and those that cannot with why. */
  private resolve(ids: readonly number[]): { files: [number, string][]; refused: TagFileError[] } {
    const files: [number, string][] = [];
    const refused: TagFileError[] = [];
    for (const id of new Set(ids)) {
      const file = this.deps.catalog.tracks.file(id);
      if (!file) refused.push({ id, path: '', message: `Track ${id} is not in the library` });
      else if (!writableFormat(file.path)) refused.push({ id, path: file.path, message: readOnlyFormat(file.path) });
      else if (!file.available)
        refused.push({
          id,
          path: file.path,
          message: `${file.path} is not reachable (missing, or its share is offline)`,
        });
      else files.push([id, file.path]);
    }
    return { files, refused };
  }

  async close(): Promise<void> {
    this.cancel();
    await this.thread.dispose();
  }
}
