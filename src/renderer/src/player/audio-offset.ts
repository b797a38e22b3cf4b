// Where the audio starts in a file, as far as its first bytes tell: after an ID3v2 tag, FLAC's
// metadata blocks, or an MP4's boxes before `mdat`. Embedded cover art often sits there (a
// megabyte is common), and the first part decoded on a cold start must reach past it.

const u32 = (bytes: Uint8Array, at: number): number =>
  ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!;
const tag = (bytes: Uint8Array, at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));

function id3v2End(bytes: Uint8Array): number {
  if (bytes.length < 10 || tag(bytes, 0).slice(0, 3) !== 'ID3') return 0;
  const size = ((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f);
  return 10 + size + ((bytes[5]! & 0x10) !== 0 ? 10 : 0);
}

/** FLAC: "fLaC", then blocks of (last flag, type, 24-bit length); frames follow the last. */
function flacEnd(bytes: Uint8Array, from: number): number {
  let at = from + 4;
  for (;;) {
    if (at + 4 > bytes.length) return at;
    const last = (bytes[at]! & 0x80) !== 0;
    at += 4 + ((bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!);
    if (last) return at;
  }
}

/** MP4: top-level boxes up to `mdat` (an index at the end means the audio comes early). */
function mp4End(bytes: Uint8Array): number {
  let at = 0;
  for (let boxes = 0; boxes < 64; boxes++) {
    if (at + 8 > bytes.length) return at;
    let size = u32(bytes, at);
    if (tag(bytes, at + 4) === 'mdat') return at + 8;
    if (size === 1 && at + 16 <= bytes.length) size = u32(bytes, at + 8) * 2 ** 32 + u32(bytes, at + 12);
    if (size < 8) return at;
    at += size;
  }
  return at;
}

/** A lower bound for the offset of the first audio frame: exact when the bytes reach that far. */
export function audioDataOffset(bytes: Uint8Array): number {
  const afterId3 = id3v2End(bytes);
  if (bytes.length >= afterId3 + 4 && tag(bytes, afterId3) === 'fLaC') return flacEnd(bytes, afterId3);
  if (afterId3 === 0 && bytes.length >= 8 && tag(bytes, 4) === 'ftyp') return mp4End(bytes);
  return afterId3;
}
