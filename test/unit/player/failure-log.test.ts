import { describe, expect, it } from 'vitest';
import { failuresLabel, logFailure, MAX_FAILURES_KEPT } from '../../../src/renderer/src/player/failure-log.ts';

const failure = (key: number, at = key) => ({ key, trackId: key * 10, message: `track ${key} failed`, at });

describe('the failure log', () => {
  it('keeps every failure, newest first', () => {
    let log = logFailure([], failure(1));
    log = logFailure(log, failure(2));
    log = logFailure(log, failure(3));
    expect(log.map((entry) => entry.key)).toEqual([3, 2, 1]);
  });

  it('lists an item that fails again once, at the top', () => {
    const log = [failure(1), failure(2)].reduce(logFailure, [] as ReturnType<typeof logFailure>);
    expect(logFailure(log, failure(1, 99)).map((entry) => [entry.key, entry.at])).toEqual([
      [1, 99],
      [2, 2],
    ]);
  });

  it('is bounded', () => {
    let log = logFailure([], failure(0));
    for (let key = 1; key < MAX_FAILURES_KEPT + 50; key++) log = logFailure(log, failure(key));
    expect(log).toHaveLength(MAX_FAILURES_KEPT);
    expect(log[0]!.key).toBe(MAX_FAILURES_KEPT + 49);
  });

  it('labels the list', () => {
    expect(failuresLabel(1)).toBe('1 track could not be played');
    expect(failuresLabel(3)).toBe('3 tracks could not be played');
  });
});
