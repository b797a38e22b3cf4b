// What says a file's audio is the same after its tags changed: a hash of its last 16 KB of
// audio, trailing tags (ID3v1, APEv2, Lyrics3) left out. Tags at the start (ID3v2, FLAC's and
// MP4's usual metadata) sit before the audio, so retagging there leaves these bytes alone;
// the scanner's identity hashes the size too, which a retag changes.
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';

const KEY_BYTES = 16 * 1024;

export async function audioKeyOf(path: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const end = await audioEnd(file, size);
    const length = Math.min(KEY_BYTES, end);
    const tail = Buffer.alloc(length);
    await file.read(tail, 0, length, end - length);
    return createHash('sha1').update(tail).digest('hex');
  } finally {
    await file.close();
  }
}

/** Where the audio ends: before any tags appended to it, peeled off the end one at a time. */
async function audioEnd(file: FileHandle, size: number): Promise<number> {
  let end = size;
  for (let peeled = 0; peeled < 4; peeled++) {
    const before = end;
    if (await startsWith(file, end - 128, 'TAG')) end -= 128;
    if (await startsWith(file, end - 32, 'APETAGEX')) {
      const footer = await bytes(file, end - 32, 32);
      const tagSize = footer.readUInt32LE(12);
      const hasHeader = (footer.readUInt32LE(20) & 0x80000000) !== 0;
      end -= tagSize + (hasHeader ? 32 : 0);
    }
    if (await startsWith(file, end - 9, 'LYRICS200')) {
      const length = Number((await bytes(file, end - 15, 6)).toString('latin1'));
      if (Number.isFinite(length)) end -= length + 15;
    }
    if (end === before || end <= 0) break;
  }
  return Math.max(0, end);
}

async function startsWith(file: FileHandle, position: number, magic: string): Promise<boolean> {
  if (position < 0) return false;
  return (await bytes(file, position, magic.length)).toString('latin1') === magic;
}

async function bytes(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
