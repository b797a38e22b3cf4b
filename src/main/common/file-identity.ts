// A file's content identity, the same wherever it is read: its size and its last bytes (the
// end is audio or a tail tag, different in every track). The parser computes it for a scan,
// the tag writer for a file it rewrote, so a moved or edited file is recognised either way.
import { createHash } from 'node:crypto';

export const IDENTITY_BYTES = 16 * 1024;

/** `tail`: the file's last min(size, IDENTITY_BYTES) bytes. */
export function identityOf(tail: Uint8Array, size: number): string {
  return createHash('sha1').update(tail).update(String(size)).digest('hex');
}
