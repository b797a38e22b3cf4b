import { describe, expect, it } from 'vitest';
import { SNIPPET_S, SNIPPETS, snippetWindows } from '../../../src/main/core/similarity/features/excerpt-plan.ts';

const plan = (at: number, durationS: number, count = SNIPPETS, seconds = SNIPPET_S) => ({
  at,
  count,
  seconds,
  durationS,
});

describe('snippetWindows', () => {
  it('spreads the snippets evenly over the track, each centred in its share', () => {
    const windows = snippetWindows(plan(0.5, 320), 320);
    expect(windows).toHaveLength(SNIPPETS);
    for (const [i, { startS, lengthS }] of windows.entries()) {
      expect(lengthS).toBe(SNIPPET_S);
      expect(startS + lengthS / 2).toBeCloseTo(((i + 0.5) / SNIPPETS) * 320, 6);
    }
  });

  it('gives phases 1/4 and 3/4 disjoint audio when a snippet fits in half a share', () => {
    const durationS = 80;
    const seconds = Math.min(SNIPPET_S, durationS / (2 * SNIPPETS));
    const a = snippetWindows(plan(0.25, durationS, SNIPPETS, seconds), durationS);
    const b = snippetWindows(plan(0.75, durationS, SNIPPETS, seconds), durationS);
    const all = [...a, ...b].sort((x, y) => x.startS - y.startS);
    for (let i = 1; i < all.length; i++) {
      expect(all[i]!.startS).toBeGreaterThanOrEqual(all[i - 1]!.startS + all[i - 1]!.lengthS - 1e-9);
    }
  });

  it('keeps every window inside the track', () => {
    for (const at of [0, 0.25, 0.5, 1]) {
      for (const { startS, lengthS } of snippetWindows(plan(at, 30, 4, 5), 30)) {
        expect(startS).toBeGreaterThanOrEqual(0);
        expect(startS + lengthS).toBeLessThanOrEqual(30 + 1e-9);
      }
    }
  });

  it('hears a track no longer than the snippets together whole, as one window', () => {
    expect(snippetWindows(plan(0.5, 12), 12)).toEqual([{ startS: 0, lengthS: 12 }]);
    expect(snippetWindows(plan(0.25, 20, 1, 20), 20)).toEqual([{ startS: 0, lengthS: 20 }]);
  });

  it("gives a short track fewer snippets, each a snippet's length from the next at least", () => {
    const windows = snippetWindows(plan(0.5, 30), 30);
    expect(windows).toHaveLength(12);
    for (let i = 1; i < windows.length; i++) {
      expect(windows[i]!.startS - windows[i - 1]!.startS).toBeGreaterThanOrEqual(2 * SNIPPET_S - 1e-9);
    }
  });

  it('centres a single excerpt where it is asked for', () => {
    expect(snippetWindows(plan(0.25, 240, 1, 20), 240)).toEqual([{ startS: 50, lengthS: 20 }]);
  });
});
