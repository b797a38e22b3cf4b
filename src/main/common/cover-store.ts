// Cover art, stored once per distinct image (content hash). Storing is a hash and, for an
// image not seen before, one file write: thumbnails for grids are made when first asked for
// (core/media/covers.ts), so an import never waits on image decoding. Files are written to a
// temporary name and renamed, so a crash never leaves half an image.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { coverPaths } from './cover-paths.ts';
import { imageSize } from './image-size.ts';
import type { CoverInfo } from './parse-protocol.ts';

export class CoverStore {
  private readonly coversDir: string;
  private readonly known = new Map<string, Omit<CoverInfo, 'source'>>();
  private readonly folderImages = new Map<string, string | null>();
  /** The last image stored: an album's tracks embed the same one, and comparing is cheaper than hashing. */
  private last: { data: Uint8Array; hash: string } | null = null;

  constructor(coversDir: string) {
    this.coversDir = coversDir;
  }

  store(data: Uint8Array, mime: string, source: CoverInfo['source']): CoverInfo | null {
    if (data.length < 16) return null;
    const last = this.last;
    const hash =
      last && last.data.length === data.length && Buffer.compare(last.data, data) === 0
        ? last.hash
        : createHash('sha1').update(data).digest('hex');
    this.last = { data, hash };
    const known = this.known.get(hash);
    if (known) return { ...known, source };
    const size = imageSize(data);
    try {
      const { full } = coverPaths(this.coversDir, hash);
      if (!existsSync(full)) {
        mkdirSync(dirname(full), { recursive: true });
        writeAtomically(full, data);
      }
    } catch {
      // A cover we cannot store (disk full, permissions): keep the track, drop the cover.
      return null;
    }
    const info = { hash, mime, width: size?.width ?? null, height: size?.height ?? null, bytes: data.length };
    this.known.set(hash, info);
    return { ...info, source };
  }

  /** An image file beside the tracks; read and hashed once per worker, however many tracks share it. */
  storeFolderImage(path: string): CoverInfo | null {
    if (this.folderImages.has(path)) {
      const hash = this.folderImages.get(path);
      const known = hash ? this.known.get(hash) : undefined;
      return known ? { ...known, source: 'file' } : null;
    }
    let info: CoverInfo | null;
    try {
      info = this.store(readFileSync(path), path.toLowerCase().endsWith('.png') ? 'image/png' : 'image/jpeg', 'file');
    } catch {
      info = null;
    }
    this.folderImages.set(path, info?.hash ?? null);
    return info;
  }
}

function writeAtomically(path: string, data: Uint8Array): void {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}
