import { describe, expect, it } from 'vitest';
import { MARGIN, moved, still, wantedRows } from '../../src/renderer/src/views/data/read-ahead.ts';

describe('reading ahead of a list', () => {
  it('reads a margin on both sides of a screen that stands still', () => {
    expect(wantedRows(1000, 1030, 0)).toEqual([1000 - MARGIN, 1030 + MARGIN]);
    expect(wantedRows(10, 40, 0)).toEqual([0, 40 + MARGIN]);
  });

  it('reads further in the direction of the scroll, the faster the further', () => {
    let motion = still(1000, 0);
    for (let t = 16; t <= 160; t += 16) motion = moved(motion, 1000 + (t / 16) * 4, 1030 + (t / 16) * 4, t);
    const [from, to] = wantedRows(motion.start, motion.start + 30, motion.speed);
    expect(from).toBe(motion.start - MARGIN);
    expect(to).toBeGreaterThan(motion.start + 30 + MARGIN + 50);
    const slow = wantedRows(motion.start, motion.start + 30, motion.speed / 4)[1];
    expect(slow).toBeLessThan(to);
  });

  it('reads backwards when scrolling up', () => {
    let motion = still(5000, 0);
    for (let t = 16; t <= 160; t += 16) motion = moved(motion, 5000 - (t / 16) * 8, 5030 - (t / 16) * 8, t);
    expect(motion.speed).toBeLessThan(0);
    const [from, to] = wantedRows(motion.start, motion.start + 30, motion.speed);
    expect(from).toBeLessThan(motion.start - MARGIN - 50);
    expect(to).toBe(motion.start + 30 + MARGIN);
  });

  it('takes a jump across the list for a standstill where it lands', () => {
    const motion = moved(still(0, 0), 120_000, 120_030, 16);
    expect(motion.speed).toBe(0);
    expect(wantedRows(120_000, 120_030, motion.speed)).toEqual([120_000 - MARGIN, 120_030 + MARGIN]);
  });

  it('never reads more than two thousand rows ahead', () => {
    const [, to] = wantedRows(0, 30, 1000);
    expect(to).toBe(30 + MARGIN + 2000);
  });
});
