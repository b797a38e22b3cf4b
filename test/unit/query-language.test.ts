import { describe, expect, it } from 'vitest';
import { parseQuery, toFtsMatch } from '../../src/main/core/views/query-language.ts';

const match = (text: string) => toFtsMatch(parseQuery(text));

describe('the search language', () => {
  it('matches every word as a prefix, one-letter words whole', () => {
    expect(match('bjo')).toBe('"bjo"*');
    expect(match('sigur ros')).toBe('"sigur"* AND "ros"*');
    expect(match("sons 'n' daughters")).toBe('"sons"* AND "n" AND "daughters"*');
    expect(match('  ')).toBeNull();
  });

  it('reads field filters, quoted phrases and unknown prefixes as text', () => {
    expect(match('artist:bjork')).toBe('{artist album_artist search_alt} : "bjork"*');
    expect(match('album:"ok comp"')).toBe('{album search_alt} : "ok comp"*');
    expect(match('genre:hip-hop')).toBe('{genre search_alt} : "hip hop"*');
    expect(match('albumartist:various title:intro')).toBe(
      '{album_artist search_alt} : "various"* AND {title search_alt} : "intro"*',
    );
    expect(match('re: mixes')).toBe('"re"* AND "mixes"*');
    expect(match('foo:bar')).toBe('"foo"* AND "bar"*');
    expect(match('"sigur ro')).toBe('"sigur ro"*');
  });

  it('waits for the value of a field being typed', () => {
    expect(match('artist:')).toBeNull();
    expect(match('bjork album:')).toBe('"bjork"*');
  });

  it('reads years and ranges, and says what it cannot read', () => {
    expect(parseQuery('year:1995').year).toEqual({ from: 1995, to: 1995 });
    expect(parseQuery('year:1990..1999').year).toEqual({ from: 1990, to: 1999 });
    expect(parseQuery('year:1999-1990').year).toEqual({ from: 1990, to: 1999 });
    expect(parseQuery('year:2000..').year).toEqual({ from: 2000, to: 9999 });
    expect(parseQuery('year:..1969').year).toEqual({ from: 0, to: 1969 });
    const bad = parseQuery('year:nineties rock');
    expect(bad.year).toBeNull();
    expect(bad.problems).toHaveLength(1);
    expect(toFtsMatch(bad)).toBe('"rock"*');
  });
});
