// One file's tags through node-taglib-sharp: what the editor reads, and the edit applied to a
// file (the temporary copy safe-write.ts hands over, never the original). Only the fields
// asked for are set: the library rewrites the tag, but every frame it was not told about stays.
import { createHash } from 'node:crypto';
import { ByteVector, File, Picture, PictureType, ReadStyle, TagTypes, type Tag } from 'node-taglib-sharp';
import type { TagChanges, TagFields } from '../../../shared/tags.ts';
import { readOnlyFormat, writableFormat } from './formats.ts';
import { keepFramesOnSave } from './keep-frames.ts';

keepFramesOnSave();

export interface CoverImage {
  data: Uint8Array;
  mime: string;
}

export interface FileTags {
  fields: TagFields;
  /** The embedded front cover (else the first picture), or null. */
  cover: CoverImage | null;
}

/** A cover change as the job resolved it: null removes, an image replaces, absent keeps. */
export type CoverEdit = CoverImage | null | undefined;

/** The file the library opens for it, by the original's format (a temporary copy has its extension too). */
function open(path: string, style: ReadStyle): File {
  const format = writableFormat(path);
  if (!format) throw new Error(readOnlyFormat(path));
  return File.createFromPath(path, format.mime, style);
}

const first = (values: string[] | undefined): string => values?.find((v) => v.trim() !== '') ?? '';

export function readTags(path: string): FileTags {
  const file = open(path, ReadStyle.None);
  try {
    const tag = file.tag;
    const pictures = tag.pictures ?? [];
    const picture = pictures.find((p) => p.type === PictureType.FrontCover) ?? pictures[0];
    return {
      fields: {
        title: tag.title ?? '',
        artist: first(tag.performers),
        album: tag.album ?? '',
        albumArtist: first(tag.albumArtists),
        trackNo: tag.track ?? 0,
        trackTotal: tag.trackCount ?? 0,
        discNo: tag.disc ?? 0,
        discTotal: tag.discCount ?? 0,
        year: tag.year ?? 0,
        genres: (tag.genres ?? [])
          .flatMap((g) => g.split(';'))
          .map((g) => g.trim())
          .filter((g) => g !== ''),
        composer: first(tag.composers),
        comment: tag.comment ?? '',
        compilation: tag.isCompilation ?? false,
      },
      cover: picture ? { data: picture.data.toByteArray(), mime: picture.mimeType || 'image/jpeg' } : null,
    };
  } finally {
    file.dispose();
  }
}

export const coverHash = (cover: CoverImage): string => createHash('sha1').update(cover.data).digest('hex');

/** Sets the changed fields (and the cover) on the file at `path` and saves it there. */
export function writeTags(path: string, changes: TagChanges, cover: CoverEdit): void {
  const file = open(path, ReadStyle.None);
  try {
    const native = writableFormat(path)!.native;
    // The library adds tags of its own choosing (an ID3v1 tag to every MP3): only those the
    // file has stay, plus its format's own tag when it has none (an MP3 with only ID3v1 gets ID3v2).
    const added = file.tagTypes & ~file.tagTypesOnDisk & (TagTypes.Id3v1 | TagTypes.Ape);
    if (added !== 0) file.removeTags(added);
    if (native !== null && (file.tagTypes & native) === 0) {
      (file as File & { getTag(type: number, create: boolean): Tag }).getTag(native, true);
    }
    apply(file.tag, changes, id3v23(file));
    if (cover === null) file.tag.pictures = [];
    else if (cover) {
      const picture = Picture.fromFullData(
        ByteVector.fromByteArray(cover.data),
        PictureType.FrontCover,
        cover.mime,
        '',
      );
      file.tag.pictures = [picture];
    }
    file.save();
  } finally {
    file.dispose();
  }
}

const list = (value: string): string[] => (value.trim() === '' ? [] : [value]);

/**
 * ID3v2.3 has no list of values: several genres go into one, separated by "; ", which Tonearm
 * (and most players) read back as a list.
 */
function id3v23(file: File): boolean {
  if ((file.tagTypes & TagTypes.Id3v2) === 0) return false;
  const tag = (file as unknown as { getTag(type: number, create: boolean): { version?: number } | undefined }).getTag(
    TagTypes.Id3v2,
    false,
  );
  return tag?.version === 3;
}

function apply(tag: Tag, changes: TagChanges, joinGenres: boolean): void {
  if (changes.title !== undefined) tag.title = changes.title;
  if (changes.artist !== undefined) tag.performers = list(changes.artist);
  if (changes.album !== undefined) tag.album = changes.album;
  if (changes.albumArtist !== undefined) tag.albumArtists = list(changes.albumArtist);
  if (changes.trackNo !== undefined) tag.track = changes.trackNo;
  if (changes.trackTotal !== undefined) tag.trackCount = changes.trackTotal;
  if (changes.discNo !== undefined) tag.disc = changes.discNo;
  if (changes.discTotal !== undefined) tag.discCount = changes.discTotal;
  if (changes.year !== undefined) tag.year = changes.year;
  if (changes.genres !== undefined) {
    const genres = changes.genres.filter((g) => g.trim() !== '');
    tag.genres = joinGenres && genres.length > 1 ? [genres.join('; ')] : genres;
  }
  if (changes.composer !== undefined) tag.composers = list(changes.composer);
  if (changes.comment !== undefined) tag.comment = changes.comment;
  if (changes.compilation !== undefined) tag.isCompilation = changes.compilation;
}
