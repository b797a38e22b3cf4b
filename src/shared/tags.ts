// Tag editing (core/tags/): the fields an editor shows and writes, what a batch answers, and
// the input schemas of the tags.* commands. Declared once for the renderer, the CLI and core.
import { z } from 'zod';

/** The fields Tonearm edits; everything else in a file is left as it was. */
export interface TagFields {
  title: string;
  artist: string;
  album: string;
  albumArtist: string;
  /** 0: none. */
  trackNo: number;
  trackTotal: number;
  discNo: number;
  discTotal: number;
  year: number;
  genres: string[];
  composer: string;
  comment: string;
  compilation: boolean;
}

export type TagField = keyof TagFields;

export const TAG_FIELDS: readonly TagField[] = [
  'title',
  'artist',
  'album',
  'albumArtist',
  'trackNo',
  'trackTotal',
  'discNo',
  'discTotal',
  'year',
  'genres',
  'composer',
  'comment',
  'compilation',
];

/** One field over the tracks being edited: their one value, or `mixed` when they differ. */
export type EditorField<K extends TagField> = { mixed: false; value: TagFields[K] } | { mixed: true };

export interface TagEditorState {
  /** The tracks that can be written, in the order asked. */
  ids: number[];
  fields: { [K in TagField]: EditorField<K> };
  /** Their embedded cover: all without, all the same image (its hash), or differing. */
  cover: { state: 'none' } | { state: 'same'; hash: string } | { state: 'mixed' };
  /** Tracks that cannot be edited, each with why (a format read-only, a file unreadable). */
  refused: TagFileError[];
}

export interface TagFileError {
  id: number;
  path: string;
  message: string;
}

export interface TagBatchResult {
  batchId: number;
  written: number;
  failed: TagFileError[];
  cancelled: boolean;
  /** Whether `tags.undo` can put back what this batch replaced. */
  undoable: boolean;
}

export interface TagProgress {
  batchId: number;
  done: number;
  total: number;
  failed: number;
}

const text = z.string().max(10_000);
const count = z.int().min(0).max(9999);

export const tagChangesSchema = z
  .object({
    title: text,
    artist: text,
    album: text,
    albumArtist: text,
    trackNo: count,
    trackTotal: count,
    discNo: count,
    discTotal: count,
    year: count,
    genres: z.array(z.string().max(500)).max(50),
    composer: text,
    comment: text,
    compilation: z.boolean(),
  })
  .partial()
  .strict();

export type TagChanges = z.infer<typeof tagChangesSchema>;

/** The cover: kept (absent), removed, or replaced by an image (base64, as a drop or a picked file gives it, or a path). */
export const coverChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('remove') }).strict(),
  z
    .object({
      kind: z.literal('replace'),
      mime: z.enum(['image/jpeg', 'image/png', 'image/webp', 'image/gif']),
      base64: z
        .string()
        .min(16)
        .max(20 * 1024 * 1024),
    })
    .strict(),
  z.object({ kind: z.literal('file'), path: z.string().min(1).max(4096) }).strict(),
]);
export type CoverChange = z.infer<typeof coverChangeSchema>;

export const caseStyles = ['title', 'sentence', 'upper', 'lower'] as const;
export type CaseStyle = (typeof caseStyles)[number];

/** Edits computed per file: numbering by position in the selection, a case fix of text fields. */
export const tagTransformsSchema = z
  .object({
    /** Track numbers 1…n in the order of `ids`; with `total`, the track total n too. */
    number: z.object({ total: z.boolean() }).strict().optional(),
    fixCase: z
      .object({
        style: z.enum(caseStyles),
        fields: z.array(z.enum(['title', 'artist', 'album', 'albumArtist', 'composer'])).min(1),
      })
      .strict()
      .optional(),
  })
  .strict();
export type TagTransforms = z.infer<typeof tagTransformsSchema>;
