import { readFile } from 'node:fs/promises';
import { coverPaths } from '../../common/cover-paths.ts';
import { notFound } from './serve.ts';
import { makeThumbnail } from './thumbnails.ts';

export type CoverSize = 'full' | 'thumb';

function sniffImageType(bytes: Uint8Array): string {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x47 && bytes[1] === 0x49) return 'image/gif';
  if (bytes[8] === 0x57 && bytes[9] === 0x45) return 'image/webp';
  return 'application/octet-stream';
}

export async function serveCover(
  request: Request,
  coversDir: string,
  hash: string,
  size: CoverSize,
): Promise<Response> {
  const paths = coverPaths(coversDir, hash);
  const etag = `"${hash}-${size}"`;
  const headers = { ETag: etag, 'Cache-Control': 'public, max-age=31536000, immutable' };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  const send = (bytes: Uint8Array<ArrayBuffer>) =>
    new Response(bytes, { status: 200, headers: { ...headers, 'Content-Type': sniffImageType(bytes) } });
  try {
    return send(await readFile(size === 'thumb' ? paths.thumb : paths.full));
  } catch {
    // no such file yet: a thumbnail is made on first request
  }
  if (size === 'thumb') {
    const thumb = await makeThumbnail(paths.full, paths.thumb);
    if (thumb) return send(thumb);
    try {
      return send(await readFile(paths.full));
    } catch {
      // the cover itself is gone
    }
  }
  return notFound();
}
