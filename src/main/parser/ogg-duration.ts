// music-metadata stops reading an Ogg stream after its headers unless asked to read it all;
// the duration is in the granule position of the last page, which one read of the tail finds.
import type { BlockTokenizer } from './block-reader.ts';

const TAIL = 64 * 1024;

export async function oggDurationFromTail(
  tokenizer: BlockTokenizer,
  codec: string | null,
  sampleRate: number | null,
): Promise<number | null> {
  const size = tokenizer.fileInfo.size;
  const start = Math.max(0, size - TAIL);
  const tail = new Uint8Array(size - start);
  await tokenizer.peekBuffer(tail, { position: start, length: tail.length, mayBeLess: true });
  for (let i = tail.length - 27; i >= 0; i--) {
    if (tail[i] !== 0x4f || tail[i + 1] !== 0x67 || tail[i + 2] !== 0x67 || tail[i + 3] !== 0x53) continue;
    const view = new DataView(tail.buffer, tail.byteOffset + i + 6, 8);
    const granule = Number(view.getBigInt64(0, true));
    if (granule <= 0) continue;
    const isOpus = (codec ?? '').toLowerCase().includes('opus');
    const rate = isOpus ? 48000 : sampleRate;
    if (!rate) return null;
    // Opus pre-skip (a few ms of decoder priming) is ignored: a duration needs no better.
    return granule / rate;
  }
  return null;
}
