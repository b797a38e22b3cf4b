import { describe, expect, it } from 'vitest';
import { rememberingReader } from '../../../src/main/core/similarity/features/byte-range.ts';

/** A file of 1000 bytes (byte i is i mod 256) whose reader notes every range asked of it. */
function countingFile() {
  const file = Uint8Array.from({ length: 1000 }, (_, i) => i % 256);
  const asked: [number, number][] = [];
  const read = async (offset: number, length: number) => {
    asked.push([offset, length]);
    return file.slice(offset, Math.min(file.length, offset + length));
  };
  return { file, asked, read };
}

describe('rememberingReader', () => {
  it('fetches only the part of a range it has not just read, and answers the same bytes', async () => {
    const { file, asked, read } = countingFile();
    const remembering = rememberingReader(read);
    expect(await remembering(0, 100)).toEqual(file.slice(0, 100));
    expect(await remembering(50, 100)).toEqual(file.slice(50, 150));
    expect(await remembering(150, 50)).toEqual(file.slice(150, 200));
    // Inside the run read so far: nothing fetched.
    expect(await remembering(20, 30)).toEqual(file.slice(20, 50));
    expect(asked).toEqual([
      [0, 100],
      [100, 50],
      [150, 50],
    ]);
  });

  it('fetches a range apart from the last run whole', async () => {
    const { file, asked, read } = countingFile();
    const remembering = rememberingReader(read);
    await remembering(0, 100);
    expect(await remembering(500, 100)).toEqual(file.slice(500, 600));
    expect(await remembering(0, 10)).toEqual(file.slice(0, 10));
    expect(asked).toEqual([
      [0, 100],
      [500, 100],
      [0, 10],
    ]);
  });

  it('answers reads in flight together with their own bytes, whichever ends first', async () => {
    const file = Uint8Array.from({ length: 1000 }, (_, i) => i % 256);
    const waiting: (() => void)[] = [];
    // Every read waits until the test lets it go.
    const read = (offset: number, length: number) =>
      new Promise<Uint8Array>((resolve) => waiting.push(() => resolve(file.slice(offset, offset + length))));
    const remembering = rememberingReader(read);
    const head = remembering(0, 100);
    waiting[0]!();
    await head;
    // One read carries on from the run just read, one lies apart; the one apart ends first.
    const next = remembering(100, 100);
    const apart = remembering(600, 100);
    waiting[2]!();
    expect(await apart).toEqual(file.slice(600, 700));
    waiting[1]!();
    expect(await next).toEqual(file.slice(100, 200));
    // What it remembers is a run it really read, at its own offsets.
    expect(await remembering(150, 40)).toEqual(file.slice(150, 190));
    const after = remembering(650, 20);
    waiting[3]?.();
    expect(await after).toEqual(file.slice(650, 670));
  });
});
