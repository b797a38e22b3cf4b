import { describe, expect, it } from 'vitest';
import type { SimilarityStatus } from '../../../src/shared/similarity.ts';
import { notAnalysedText } from '../../../src/renderer/src/similar/radio-plan.ts';
import { analysedPercent, etaText } from '../../../src/renderer/src/similar/status-text.ts';
import { matchPercent } from '../../../src/renderer/src/similar/match.ts';

const status = (over: Partial<SimilarityStatus>): SimilarityStatus => ({
  analysed: 0,
  pending: 10,
  failed: 0,
  total: 10,
  running: true,
  paused: false,
  etaS: null,
  reason: null,
  cache: { hits: 0, misses: 0, entries: 0 },
  ...over,
});

describe('the analysis status in words', () => {
  it('says how long is left, or why not', () => {
    expect(etaText(status({ etaS: 42 }))).toBe('about 42 s left');
    expect(etaText(status({ etaS: 20 * 60 }))).toBe('about 20 min left');
    expect(etaText(status({ etaS: 3 * 3600 + 20 * 60 }))).toBe('about 3 h 20 min left');
    expect(etaText(status({ etaS: 2 * 3600 }))).toBe('about 2 h left');
    expect(etaText(status({ running: false, etaS: 100 }))).toBe('—');
    expect(etaText(status({ pending: 0, analysed: 10 }))).toBe('done');
  });

  it('never says 100% while tracks remain', () => {
    expect(analysedPercent({ analysed: 999, total: 1000 })).toBe(99);
    expect(analysedPercent({ analysed: 1000, total: 1000 })).toBe(100);
    expect(analysedPercent({ analysed: 0, total: 0 })).toBe(0);
  });

  it('says how far analysis is when the seeds have no vector yet, and why it is stopped', () => {
    expect(notAnalysedText(status({ analysed: 12, total: 100 }))).toBe('Not analysed yet — analysis is 12% done.');
    expect(notAnalysedText(status({ analysed: 1, total: 4, reason: 'Analysis is paused.' }))).toBe(
      'Not analysed yet — analysis is 25% done. Analysis is paused.',
    );
    expect(notAnalysedText(null)).toBe('Not analysed yet.');
    expect(notAnalysedText(status({ analysed: 9, failed: 1, pending: 0 }))).toBe('Its audio could not be analysed.');
  });
});

describe('a distance as a match', () => {
  it('is 100% for the same sound and 0% from the distance of unrelated tracks on', () => {
    expect(matchPercent(0, 4)).toBe(100);
    expect(matchPercent(2, 4)).toBe(50);
    expect(matchPercent(4, 4)).toBe(0);
    expect(matchPercent(40, 4)).toBe(0);
  });
});
