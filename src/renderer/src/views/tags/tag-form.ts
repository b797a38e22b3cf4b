// The editor's form as data: each field's text as typed and whether it was typed into. Only
// touched fields become changes, so a mixed field left alone stays as each file has it.
import type { TagChanges, TagEditorState, TagField } from '../../../../shared/tags.ts';

export type FormValues = Record<TagField, string>;

export const TEXT_FIELDS: { field: TagField; label: string }[] = [
  { field: 'title', label: 'Title' },
  { field: 'artist', label: 'Artist' },
  { field: 'album', label: 'Album' },
  { field: 'albumArtist', label: 'Album artist' },
  { field: 'genres', label: 'Genres (separated by ;)' },
  { field: 'composer', label: 'Composer' },
  { field: 'comment', label: 'Comment' },
];

export const NUMBER_FIELDS: { field: TagField; label: string }[] = [
  { field: 'trackNo', label: 'Track' },
  { field: 'trackTotal', label: 'of' },
  { field: 'discNo', label: 'Disc' },
  { field: 'discTotal', label: 'of' },
  { field: 'year', label: 'Year' },
];

/** What the form shows: a shared value as text ('' for none), mixed as '' with "(mixed)" as placeholder. */
export function formValues(state: TagEditorState): FormValues {
  const values = {} as FormValues;
  for (const [field, value] of Object.entries(state.fields) as [TagField, TagEditorState['fields'][TagField]][]) {
    if (value.mixed) values[field] = '';
    else if (Array.isArray(value.value)) values[field] = value.value.join('; ');
    else if (typeof value.value === 'number') values[field] = value.value > 0 ? String(value.value) : '';
    else values[field] = String(value.value);
  }
  return values;
}

/** The changes of the touched fields; a number that is not one is refused with a sentence. */
export function changesOf(values: FormValues, touched: ReadonlySet<TagField>): TagChanges {
  const changes: Record<string, unknown> = {};
  for (const field of touched) {
    const text = values[field].trim();
    if (field === 'genres')
      changes.genres =
        text === ''
          ? []
          : text
              .split(';')
              .map((g) => g.trim())
              .filter(Boolean);
    else if (field === 'compilation') changes.compilation = text === 'true';
    else if (NUMBER_FIELDS.some((n) => n.field === field)) {
      const n = text === '' ? 0 : Number(text);
      if (!Number.isInteger(n) || n < 0 || n > 9999) {
        throw new Error(`${NUMBER_FIELDS.find((f) => f.field === field)!.label} must be a whole number`);
      }
      changes[field] = n;
    } else changes[field] = values[field];
  }
  return changes as TagChanges;
}
