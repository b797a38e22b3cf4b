import sharp from 'sharp';
import type { Cover } from './types.ts';

const SIZE = 300;

/**
 * A two-colour JPEG that is different for every album index below 2^24, so that a
 * scanner which stores covers by content hash sees one distinct cover per album.
 * The index is scrambled by an odd multiplier (a bijection mod 2^24) so neighbouring
 * albums get unrelated colours; each colour takes 12 bits, 4 per channel, spaced 17
 * apart, far more than JPEG quantisation can merge.
 */
export async function makeCover(albumIndex: number): Promise<Cover> {
  const bits = Math.imul(albumIndex + 1, 0x9e3779) & 0xffffff;
  const a = rgb(bits & 0xfff);
  const b = rgb(bits >>> 12);
  // A diagonal split: row y is `a` up to column SIZE - y, then `b`.
  const rowA = Buffer.from(Array.from({ length: SIZE }, () => a).flat());
  const rowB = Buffer.from(Array.from({ length: SIZE }, () => b).flat());
  const pixels = Buffer.alloc(SIZE * SIZE * 3);
  for (let y = 0; y < SIZE; y++) {
    const split = (SIZE - y) * 3;
    rowA.copy(pixels, y * SIZE * 3, 0, split);
    rowB.copy(pixels, y * SIZE * 3 + split, split);
  }
  const jpeg = await sharp(pixels, { raw: { width: SIZE, height: SIZE, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
  return { jpeg, width: SIZE, height: SIZE };
}

function rgb(v: number): [number, number, number] {
  return [(v & 15) * 17, ((v >>> 4) & 15) * 17, ((v >>> 8) & 15) * 17];
}
