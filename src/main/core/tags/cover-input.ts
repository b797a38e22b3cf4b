// The cover a request names, as bytes: an image sent as base64 (a drop or a picked file in the
// page), or a path (the CLI).
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { errorSentence } from '../../../shared/error-text.ts';
import { TonearmError } from '../../../shared/result.ts';
import type { CoverChange } from '../../../shared/tags.ts';
import type { CoverEdit } from './tag-file.ts';

const MIME_BY_EXT: Record<string, 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif'> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
};

/** The cover change as bytes: undefined keeps, null removes. */
export async function coverEdit(change: CoverChange | undefined): Promise<CoverEdit> {
  if (!change) return undefined;
  if (change.kind === 'remove') return null;
  if (change.kind === 'replace') return { data: Buffer.from(change.base64, 'base64'), mime: change.mime };
  const mime = MIME_BY_EXT[extname(change.path).toLowerCase()];
  if (!mime) throw new TonearmError('BAD_INPUT', `${change.path} is not a JPEG, PNG, WebP or GIF image`);
  try {
    return { data: await readFile(change.path), mime };
  } catch (err) {
    throw new TonearmError('FILE_UNREADABLE', errorSentence(err, { path: change.path }));
  }
}
