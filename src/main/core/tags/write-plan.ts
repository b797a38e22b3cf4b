// What an edit means for each file, as pure functions: the editor's view of many tracks (a
// field that differs is mixed), and each file's changes — only the fields typed into, plus
// numbering and case fixes worked out per file, minus what the file already holds.
import {
  TAG_FIELDS,
  type CaseStyle,
  type EditorField,
  type TagChanges,
  type TagEditorState,
  type TagField,
  type TagFields,
  type TagTransforms,
} from '../../../shared/tags.ts';

const same = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;

/** The editor's fields over these files: a value where they agree, mixed where they do not. */
export function mergeFields(files: readonly TagFields[]): TagEditorState['fields'] {
  const merged = {} as Record<TagField, EditorField<TagField>>;
  for (const field of TAG_FIELDS) {
    const first = files[0]?.[field];
    const mixed = files.some((file) => !same(file[field], first));
    merged[field] = mixed || first === undefined ? { mixed: true } : { mixed: false, value: first };
  }
  return merged as TagEditorState['fields'];
}

/** The cover over these files: none, one image (by hash), or differing. */
export function mergeCovers(hashes: readonly (string | null)[]): TagEditorState['cover'] {
  const first = hashes[0] ?? null;
  if (hashes.some((hash) => hash !== first)) return { state: 'mixed' };
  return first === null ? { state: 'none' } : { state: 'same', hash: first };
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);

export function fixCase(value: string, style: CaseStyle): string {
  if (style === 'upper') return value.toLocaleUpperCase();
  if (style === 'lower') return value.toLocaleLowerCase();
  const lower = value.toLocaleLowerCase();
  const capital = (word: string) => word.charAt(0).toLocaleUpperCase() + word.slice(1);
  if (style === 'sentence') return capital(lower);
  // Title case: every word capitalised but short joining words inside the title; words split on spaces, hyphens and slashes.
  return lower.replace(/[^\s\-/(]+/g, (word, offset: number) =>
    offset > 0 && SMALL_WORDS.has(word) && lower[offset - 1] === ' ' ? word : capital(word),
  );
}

/**
 * Each file's changes: the fields typed into, numbering by position in `ids`, a case fix; a
 * field whose value the file already holds is left out, and a file left with nothing is not
 * in the plan (its bytes are not touched).
 */
export function planChanges(
  ids: readonly number[],
  current: ReadonlyMap<number, TagFields>,
  changes: TagChanges,
  transforms: TagTransforms = {},
): Map<number, TagChanges> {
  const plan = new Map<number, TagChanges>();
  ids.forEach((id, index) => {
    const before = current.get(id);
    if (!before) return;
    const wanted: TagChanges = { ...changes };
    if (transforms.number) {
      wanted.trackNo = index + 1;
      if (transforms.number.total) wanted.trackTotal = ids.length;
    }
    if (transforms.fixCase) {
      for (const field of transforms.fixCase.fields) {
        wanted[field] = fixCase(wanted[field] ?? before[field], transforms.fixCase.style);
      }
    }
    const differs: TagChanges = {};
    for (const field of TAG_FIELDS) {
      const value = wanted[field];
      if (value !== undefined && !same(value, before[field])) (differs as Record<string, unknown>)[field] = value;
    }
    if (Object.keys(differs).length > 0) plan.set(id, differs);
  });
  return plan;
}

/** What a file held of the fields a change sets: kept for undo. */
export function fieldsBefore(before: TagFields, change: TagChanges): TagChanges {
  const kept: TagChanges = {};
  for (const field of Object.keys(change) as TagField[]) (kept as Record<string, unknown>)[field] = before[field];
  return kept;
}
