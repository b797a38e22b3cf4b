import { describe, expect, it } from 'vitest';
import { expandHome, userPath } from '../../../src/main/core/roots/user-path.ts';

describe('a folder path as typed', () => {
  it('expands ~ to the home folder', () => {
    expect(expandHome('~', '/home/ann')).toBe('/home/ann');
    expect(expandHome('~/Music', '/home/ann')).toBe('/home/ann/Music');
    expect(expandHome('/srv/~x', '/home/ann')).toBe('/srv/~x');
    expect(userPath(' ~/Music ', '/home/ann')).toBe('/home/ann/Music');
  });

  it('refuses a relative path with a sentence', () => {
    expect(() => userPath('Music', '/home/ann')).toThrow(
      "Music is not a full path: give the folder's whole path, starting with / (or ~ for your home folder)",
    );
    expect(() => userPath('~ann/Music', '/home/ann')).toThrow(/not a full path/);
  });
});
