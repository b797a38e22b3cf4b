// Cover art, stored once per distinct image (content hash), with a small thumbnail for grids.
// Files are written to a temporary name and renamed, so a crash never leaves half an image.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import sharp from 'sharp';
import { coverPaths } from '../core/media/covers.ts';
import type { CoverInfo } from './protocol.ts';

const THUMB_SIZE = 256;

sharp.concurrency(1);
sharp.cache(false);

export class CoverStore {
  private readonly known = new Map<string, Omit<CoverInfo, 'source'>>();
  private readonly folderImages = new Map<string, string | null>();

  private readonly coversDir: string;

  constructor(coversDir: string) {
    this.coversDir = coversDir;
  }

  async store(data: Uint8Array, mime: string, source: CoverInfo['source']): Promise<CoverInfo | null> {
    const hash = createHash('sha1').update(data).digest('hex');
    const known = this.known.get(hash);
    if (known) return { ...known, source };
    const paths = coverPaths(this.coversDir, hash);
    let width: number | null;
    let height: number | null;
    try {
      const image = sharp(data, { failOn: 'none' });
      const meta = await image.metadata();
      width = meta.width ?? null;
      height = meta.height ?? null;
      mkdirSync(dirname(paths.full), { recursive: true });
      if (!existsSync(paths.full)) writeAtomically(paths.full, data);
      if (!existsSync(paths.thumb)) {
        const thumb = await image.resize(THUMB_SIZE, THUMB_SIZE, { fit: 'cover' }).jpeg({ quality: 80 }).toBuffer();
        writeAtomically(paths.thumb, thumb);
      }
    } catch {
      // Not an image anything can decode: keep the track, drop the cover.
      return null;
    }
    const info = { hash, mime, width, height, bytes: data.length };
    this.known.set(hash, info);
    return { ...info, source };
  }

  /** An image file beside the tracks; read and hashed once per worker, however many tracks share it. */
  async storeFolderImage(path: string): Promise<CoverInfo | null> {
    if (this.folderImages.has(path)) {
      const hash = this.folderImages.get(path);
      const known = hash ? this.known.get(hash) : undefined;
      return known ? { ...known, source: 'file' } : null;
    }
    let info: CoverInfo | null;
    try {
      const data = readFileSync(path);
      info = await this.store(data, path.toLowerCase().endsWith('.png') ? 'image/png' : 'image/jpeg', 'file');
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
