// When the start-up quick_check may be skipped. It reads every page: 0.86 s at 250k tracks
// (docs/benchmarks.md), too long for every start of an app that should open at once. So a
// marker beside the catalog remembers the last check that passed and how we left the file at
// a clean close. The check runs when that check is a day old, when the last run did not
// close cleanly, or when the file changed since we closed it (someone else wrote it: a copy,
// a sync tool, a damaged disk write seen by size or mtime). Damage that changes neither is
// found within a day, and a read that meets it answers DB_CORRUPT in the meantime.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

const DAY_MS = 86_400_000;

interface Marker {
  checkedAt: number;
  /** The file as a clean close left it; null while open (so a crash reads as unclean). */
  closed: { size: number; mtimeMs: number } | null;
}

const markerPath = (dbPath: string) => `${dbPath}.checked`;

function read(dbPath: string): Marker | null {
  try {
    return JSON.parse(readFileSync(markerPath(dbPath), 'utf8')) as Marker;
  } catch {
    return null;
  }
}

function fileState(dbPath: string): { size: number; mtimeMs: number } | null {
  try {
    const { size, mtimeMs } = statSync(dbPath);
    return { size, mtimeMs };
  } catch {
    return null;
  }
}

export function checkIsDue(dbPath: string, now = Date.now()): boolean {
  const marker = read(dbPath);
  const state = fileState(dbPath);
  if (!marker?.closed || !state) return true;
  if (now - marker.checkedAt >= DAY_MS) return true;
  return marker.closed.size !== state.size || marker.closed.mtimeMs !== state.mtimeMs;
}

/** At open: a check passed now (checked) or an earlier one still stands; the file is now in use. */
export function markOpen(dbPath: string, checked: boolean): void {
  const checkedAt = checked ? Date.now() : (read(dbPath)?.checkedAt ?? 0);
  write(dbPath, { checkedAt, closed: null });
}

/** After the last connection closed: how we left the file. */
export function markClosed(dbPath: string): void {
  const marker = read(dbPath);
  const state = fileState(dbPath);
  if (marker && state) write(dbPath, { checkedAt: marker.checkedAt, closed: state });
}

/** A read met damage: the next start checks, whatever the marker said. */
export function forgetCheck(dbPath: string): void {
  rmSync(markerPath(dbPath), { force: true });
}

function write(dbPath: string, marker: Marker): void {
  try {
    writeFileSync(markerPath(dbPath), JSON.stringify(marker));
  } catch {
    // Without a marker the next start checks again: slower, never less safe.
  }
}
