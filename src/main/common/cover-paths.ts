import { join } from 'node:path';

/** Covers are content-addressed: <dir>/<first two hex>/<hash>.img and <hash>.thumb.jpg. */
export function coverPaths(coversDir: string, hash: string): { full: string; thumb: string } {
  const dir = join(coversDir, hash.slice(0, 2));
  return { full: join(dir, `${hash}.img`), thumb: join(dir, `${hash}.thumb.jpg`) };
}
