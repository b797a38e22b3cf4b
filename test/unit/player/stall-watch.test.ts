import { describe, expect, it } from 'vitest';
import { StallWatch } from '../../../src/renderer/src/player/stall-watch.ts';

describe('StallWatch', () => {
  it('fires once when the playhead stays put past the limit while playing', () => {
    const watch = new StallWatch(8);
    expect(watch.observe(true, 0, 0)).toBe(false);
    expect(watch.observe(true, 0, 7_900)).toBe(false);
    expect(watch.observe(true, 0, 8_000)).toBe(true);
    expect(watch.observe(true, 0, 8_250)).toBe(false);
  });

  it('never fires while the playhead moves, or while paused', () => {
    const watch = new StallWatch(8);
    for (let t = 0; t < 60_000; t += 250) expect(watch.observe(true, t / 1000, t)).toBe(false);
    for (let t = 60_000; t < 120_000; t += 250) expect(watch.observe(false, 60, t)).toBe(false);
  });

  it('starts the wait again after a pause or a reset', () => {
    const watch = new StallWatch(8);
    watch.observe(true, 3, 0);
    watch.observe(false, 3, 5_000);
    expect(watch.observe(true, 3, 6_000)).toBe(false);
    expect(watch.observe(true, 3, 13_000)).toBe(false);
    watch.reset();
    expect(watch.observe(true, 3, 14_000)).toBe(false);
    expect(watch.observe(true, 3, 22_000)).toBe(true);
  });
});
