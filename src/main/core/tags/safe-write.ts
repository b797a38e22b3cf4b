// A file is never edited where it lies: its copy beside it (same folder, so the same disk or
// share) is edited, flushed to disk and renamed over it. Until the rename the original is
// whole; the rename replaces it at once, so a crash, a kill or a full disk at any moment leaves
// either the old file or the new one, never half of either.
import {
  chmodSync,
  chownSync,
  closeSync,
  constants,
  copyFileSync,
  fsyncSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { IDENTITY_BYTES, identityOf } from '../../common/file-identity.ts';

/** What the scanner will see of the file from now on: its fingerprint and content identity. */
export interface Rewritten {
  size: number;
  mtimeNs: bigint;
  identity: string;
}

/** A refusal that names the file, with the errno a sentence is made from (shared/error-text.ts). */
function refuse(path: string, why: string, code: string): Error {
  return Object.assign(new Error(`${path}: ${why}`), { code, path });
}

const writable = (mode: number | bigint) => (Number(mode) & 0o222) !== 0;

/**
 * The temporary copy: hidden (the scanner skips dot files), with the original's extension, and
 * one name per file, so a copy a crash left behind is replaced by the next edit, not piled up.
 */
export function tempPathFor(path: string): string {
  const ext = extname(path);
  return join(dirname(path), `.${basename(path, ext)}.tonearm-edit${ext}`);
}

export async function rewriteSafely(
  link: string,
  edit: (temp: string, original: string) => Promise<void>,
): Promise<Rewritten> {
  // A symlink is followed: renaming over it would replace the link, not the file it names.
  const path = realpathSync(link);
  const before = statSync(path, { bigint: true });
  // Root may write anything: a file or folder the user made read-only is still refused.
  if (!writable(before.mode))
    throw refuse(path, 'the file is read-only, so its tags cannot be changed', 'TAGS_READ_ONLY');
  if (!writable(statSync(dirname(path)).mode))
    throw refuse(path, 'its folder is read-only, so the file cannot be replaced', 'TAGS_READ_ONLY');
  const temp = tempPathFor(path);
  try {
    copyFileSync(path, temp, constants.COPYFILE_FICLONE);
    await edit(temp, path);
    flush(temp, 'r+');
    keepOwnership(temp, before);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  // The rename itself is on disk once the folder is: a crash after this keeps the new file.
  flushFolder(dirname(path));
  return describe(path);
}

function flush(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function flushFolder(dir: string): void {
  try {
    flush(dir, 'r');
  } catch {
    // Some file systems (a share) cannot fsync a folder; the rename was still atomic there.
  }
}

function keepOwnership(temp: string, before: { mode: bigint; uid: bigint; gid: bigint }): void {
  chmodSync(temp, Number(before.mode) & 0o7777);
  const now = statSync(temp, { bigint: true });
  if (now.uid === before.uid && now.gid === before.gid) return;
  try {
    chownSync(temp, Number(before.uid), Number(before.gid));
  } catch {
    // Only root may give a file away: a file of another owner becomes the editor's, as any editor's would.
  }
}

function describe(path: string): Rewritten {
  const after = statSync(path, { bigint: true });
  const size = Number(after.size);
  const tail = new Uint8Array(Math.min(size, IDENTITY_BYTES));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, tail, 0, tail.length, size - tail.length);
  } finally {
    closeSync(fd);
  }
  return { size, mtimeNs: after.mtimeNs, identity: identityOf(tail, size) };
}
