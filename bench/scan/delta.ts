// The 1 % delta of the benchmark: retag some files in place, add some, delete some; and undo.
import { cpSync, openSync, readSync, rmSync, writeSync, closeSync, statSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ManifestTrack } from '../library/generate.ts';

export interface Delta {
  retagged: { path: string; title: string; newTitle: string }[];
  added: string[];
  deleted: { path: string; backup: string }[];
}

const HEAD = 256 * 1024;

/** Changes a title in place (same length, first letter's case flipped), as a tag editor would. */
function retag(path: string, title: string): string | null {
  const first = title[0] ?? '';
  if (!/[a-z]/i.test(first)) return null;
  const newTitle = (first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase()) + title.slice(1);
  const fd = openSync(path, 'r+');
  try {
    const head = Buffer.alloc(Math.min(HEAD, statSync(path).size));
    readSync(fd, head, 0, head.length, 0);
    const at = head.indexOf(Buffer.from(title, 'utf8'));
    if (at < 0) return null;
    writeSync(fd, Buffer.from(newTitle, 'utf8'), 0, Buffer.byteLength(newTitle), at);
    return newTitle;
  } finally {
    closeSync(fd);
  }
}

/** Ogg pages carry checksums, so a byte edit is not a retag there: retag the other formats. */
export function applyDelta(
  libraryRoot: string,
  tracks: ManifestTrack[],
  extra: string[],
  work: string,
  counts = { retag: 410, add: 200, remove: 10 },
): Delta {
  const delta: Delta = { retagged: [], added: [], deleted: [] };
  const candidates = tracks.filter((t) => t.format !== 'ogg' && t.format !== 'opus');
  const step = Math.max(1, Math.floor(candidates.length / counts.retag));
  for (let i = 0; i < candidates.length && delta.retagged.length < counts.retag; i += step) {
    const track = candidates[i]!;
    const newTitle = retag(track.path, track.title);
    if (newTitle) delta.retagged.push({ path: track.path, title: track.title, newTitle });
  }
  for (const source of extra.slice(0, counts.add)) {
    const target = join(libraryRoot, 'Delta Additions', basename(dirname(source)), basename(source));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(source, target);
    delta.added.push(target);
  }
  const backups = join(work, 'delta-backup');
  mkdirSync(backups, { recursive: true });
  for (const track of tracks
    .slice(-counts.remove * 7)
    .filter((_, i) => i % 7 === 0)
    .slice(0, counts.remove)) {
    const backup = join(backups, `${delta.deleted.length}-${basename(track.path)}`);
    cpSync(track.path, backup);
    rmSync(track.path);
    delta.deleted.push({ path: track.path, backup });
  }
  return delta;
}

export function undoDelta(delta: Delta): void {
  // Deleted files come back first: some of them were also retagged.
  for (const { path, backup } of delta.deleted) cpSync(backup, path);
  for (const { path, title, newTitle } of delta.retagged) {
    const fd = openSync(path, 'r+');
    try {
      const head = Buffer.alloc(Math.min(HEAD, statSync(path).size));
      readSync(fd, head, 0, head.length, 0);
      const at = head.indexOf(Buffer.from(newTitle, 'utf8'));
      if (at >= 0) writeSync(fd, Buffer.from(title, 'utf8'), 0, Buffer.byteLength(title), at);
    } finally {
      closeSync(fd);
    }
  }
  for (const path of delta.added) rmSync(path, { force: true });
  if (delta.added[0]) rmSync(dirname(dirname(delta.added[0])), { recursive: true, force: true });
}
