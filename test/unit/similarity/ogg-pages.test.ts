import { describe, expect, it } from 'vitest';
import {
  lastGranule,
  oggAudioPages,
  oggHeaderPages,
  oggPackets,
} from '../../../src/main/core/similarity/features/ogg-pages.ts';
import { concatBytes } from '../../../src/main/core/similarity/features/byte-range.ts';

/** One Ogg page (no CRC: the reader does not check it) holding `segments` as its lacing. */
function page(options: { granule: bigint; serial?: number; continued?: boolean; body: Uint8Array; lacing: number[] }) {
  const header = new Uint8Array(27 + options.lacing.length);
  header.set([0x4f, 0x67, 0x67, 0x53, 0, options.continued ? 1 : 0]);
  const view = new DataView(header.buffer);
  view.setBigInt64(6, options.granule, true);
  view.setUint32(14, options.serial ?? 7, true);
  header[26] = options.lacing.length;
  header.set(options.lacing, 27);
  return concatBytes([header, options.body]);
}
const filled = (length: number, value: number) => new Uint8Array(length).fill(value);

const head1 = page({ granule: 0n, body: filled(10, 1), lacing: [10] });
const head2 = page({ granule: 0n, body: filled(20, 2), lacing: [20] });
// A 300-byte packet that starts on one page and ends on the next, then a 5-byte one.
const audio1 = page({ granule: 1000n, body: filled(255, 3), lacing: [255] });
const audio2 = page({
  granule: 2000n,
  continued: true,
  body: concatBytes([filled(45, 3), filled(5, 4)]),
  lacing: [45, 5],
});
const audio3 = page({ granule: 3000n, body: filled(8, 5), lacing: [8] });
const file = concatBytes([head1, head2, audio1, audio2, audio3]);

describe('ogg pages', () => {
  it('finds the header pages (granule 0) before the first audio page', () => {
    const headers = oggHeaderPages(file)!;
    expect(headers.serial).toBe(7);
    expect(headers.bytes).toEqual(concatBytes([head1, head2]));
    expect(oggHeaderPages(concatBytes([head1, head2]))).toBeNull();
  });

  it('cuts whole pages out of a range that starts mid-page, from a page that starts a packet', () => {
    const cut = file.subarray(head1.length + head2.length + 40);
    // audio1 is cut; audio2 continues a packet whose start is gone; audio3 starts afresh.
    expect(oggAudioPages(cut, 7)).toEqual(audio3);
    expect(oggAudioPages(file.subarray(head1.length + head2.length), 7)).toEqual(concatBytes([audio1, audio2, audio3]));
    expect(oggAudioPages(file, 99)).toHaveLength(0);
  });

  it('joins a packet that spans pages', () => {
    const packets = oggPackets(file);
    expect(packets.map((p) => p.length)).toEqual([10, 20, 300, 5, 8]);
    expect(packets[2]!.every((b) => b === 3)).toBe(true);
  });

  it("reads the last page's granule position", () => {
    expect(lastGranule(file, 7)).toBe(3000n);
    expect(lastGranule(file.subarray(0, file.length - 3), 7)).toBe(2000n);
    expect(lastGranule(file, 99)).toBeNull();
  });
});
