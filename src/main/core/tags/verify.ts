// The check before the rename: the edited copy, read by the reader Tonearm scans with
// (music-metadata), holds every tag it was not asked to change exactly as the original does.
// node-taglib-sharp reads some damaged tags differently (a UTF-16 text with a wrong byte-order
// mark comes out as other characters) and would write its reading back: such a file is refused
// and left as it was.
import { isDeepStrictEqual } from 'node:util';
import { parseFile, type ICommonTagsResult } from 'music-metadata';
import type { TagChanges, TagField } from '../../../shared/tags.ts';

type CommonKey = keyof ICommonTagsResult;

/** What each edited field is in music-metadata's common tags. */
const COMMON_KEYS: Record<TagField, CommonKey[]> = {
  title: ['title'],
  artist: ['artist', 'artists'],
  album: ['album'],
  albumArtist: ['albumartist', 'albumartists'],
  trackNo: ['track'],
  trackTotal: ['track'],
  discNo: ['disk'],
  discTotal: ['disk'],
  year: ['year', 'date', 'originalyear', 'originaldate'],
  genres: ['genre'],
  composer: ['composer'],
  comment: ['comment'],
  compilation: ['compilation'],
};

async function common(path: string, covers: boolean): Promise<Partial<ICommonTagsResult>> {
  const { common } = await parseFile(path, { skipCovers: !covers, duration: false });
  return common;
}

/** The common tags that differ between the two files, other than those the changes (and a cover edit) set. */
export async function unaskedChanges(
  original: string,
  edited: string,
  changes: TagChanges,
  coverEdited: boolean,
): Promise<string[]> {
  const asked = new Set<string>((Object.keys(changes) as TagField[]).flatMap((field) => COMMON_KEYS[field]));
  if (coverEdited) asked.add('picture');
  const [before, after] = await Promise.all([common(original, !coverEdited), common(edited, !coverEdited)]);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter(
    (key) =>
      !asked.has(key) &&
      !isDeepStrictEqual(before[key as CommonKey] ?? null, after[key as CommonKey] ?? null) &&
      !bothEmpty(before[key as CommonKey], after[key as CommonKey]),
  );
}

/** An empty text or list and none are the same tag: the library drops empty frames. */
function bothEmpty(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  return empty(a) && empty(b);
}
