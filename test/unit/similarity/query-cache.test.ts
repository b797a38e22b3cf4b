import { describe, expect, it } from 'vitest';
import { QueryCache } from '../../../src/main/core/similarity/query-cache.ts';

describe('the query cache', () => {
  it('answers the same seeds (in any order) and limit from the cache, and counts hits and misses', () => {
    const cache = new QueryCache();
    let computed = 0;
    const compute = () => {
      computed++;
      return [{ id: 9, distance: 1 }];
    };
    cache.get([2, 1], 10, compute);
    expect(cache.get([1, 2], 10, compute)).toEqual([{ id: 9, distance: 1 }]);
    cache.get([1, 2], 20, compute);
    expect(computed).toBe(2);
    expect(cache.stats()).toEqual({ hits: 1, misses: 2, entries: 2 });
  });

  it('lets the least recently used entry go when full, and empties on clear', () => {
    const cache = new QueryCache(2);
    const answer = () => [];
    cache.get([1], 5, answer);
    cache.get([2], 5, answer);
    cache.get([1], 5, answer);
    cache.get([3], 5, answer);
    cache.get([1], 5, answer);
    expect(cache.hits).toBe(2);
    cache.get([2], 5, answer);
    expect(cache.misses).toBe(4);
    cache.clear();
    expect(cache.stats().entries).toBe(0);
  });
});
