// Diff, step 2: compare what is on disk with the catalog's fingerprints (path, size, mtime_ns).
// Unchanged files are never opened again.
import type { Fingerprint } from '../catalog/fingerprints.ts';
import type { FileStat } from './walk.ts';

export type { Fingerprint };

export interface Diff {
  added: FileStat[];
  modified: (FileStat & { id: number; failed: boolean })[];
  unchanged: number;
  /** Tracks the catalog has and the disk does not. */
  missingIds: number[];
  /** Tracks marked missing earlier that are back, unchanged. */
  returnedIds: number[];
}

export function diffInventory(files: readonly FileStat[], known: ReadonlyMap<string, Fingerprint>): Diff {
  const diff: Diff = { added: [], modified: [], unchanged: 0, missingIds: [], returnedIds: [] };
  // Counting the known files found is cheaper than remembering every path seen: the
  // missing ones are then looked for only when some known file was not found.
  let knownFound = 0;
  let knownPresent = 0;
  for (const print of known.values()) if (!print.missing) knownPresent++;
  for (const file of files) {
    const print = known.get(file.path);
    if (print && !print.missing) knownFound++;
    if (!print) diff.added.push(file);
    else if (print.size !== file.size || print.mtimeNs !== file.mtimeNs || print.failed)
      diff.modified.push({ ...file, id: print.id, failed: print.failed });
    else {
      diff.unchanged++;
      if (print.missing) diff.returnedIds.push(print.id);
    }
  }
  if (knownFound < knownPresent) {
    const seen = new Set(files.map((file) => file.path));
    for (const [path, print] of known) if (!print.missing && !seen.has(path)) diff.missingIds.push(print.id);
  }
  return diff;
}

export type RootVerdict = { online: true } | { online: false; reason: string };

/**
 * The rule that keeps libraries from being wiped: a root that looks empty, or that lost most
 * of its files since the last scan, is far more likely unmounted or half-synced than emptied
 * by its owner. It is marked offline; nothing is marked missing.
 */
export function judgeRoot(filesFound: number, knownPresent: number, missing: number): RootVerdict {
  if (knownPresent > 0 && filesFound === 0) {
    return { online: false, reason: 'The folder is empty: not mounted? Its tracks are kept.' };
  }
  if (knownPresent >= 20 && missing > knownPresent / 2) {
    return {
      online: false,
      reason: `${missing} of ${knownPresent} files are gone at once: treated as offline, nothing removed.`,
    };
  }
  return { online: true };
}
