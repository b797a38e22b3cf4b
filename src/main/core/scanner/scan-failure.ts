// A scan that could not go on, in words: what stopped it, what it saved, what to do next.
import { describeError } from '../../../shared/error-text.ts';
import { toErrorInfo, type ErrorInfo } from '../../../shared/result.ts';
import type { Catalog } from '../catalog/index.ts';

/** "Scan stopped: the disk holding /x/catalog.sqlite is full (12 tracks were saved). Free some space and scan again." */
export function scanFailure(err: unknown, catalogPath: string, saved: number): ErrorInfo {
  const { code, message } = toErrorInfo(err);
  const savedText = `${saved} ${saved === 1 ? 'track was' : 'tracks were'} saved`;
  // Errors that name no file come from the writer (SQLite's never name one): the catalog's disk.
  const text = describeError(err, { path: catalogPath, retry: 'scan again' });
  if (text) return { code, message: `Scan stopped: ${text.reason} (${savedText}). ${text.advice}` };
  return { code, message: `Scan stopped: ${message.split('\n')[0]} (${savedText}).` };
}

/** The catalog's size for the summary; a catalog that cannot even be read does not hide the scan's own error. */
export function countTracks(catalog: Catalog): number {
  try {
    return catalog.tracks.count();
  } catch {
    return 0;
  }
}
