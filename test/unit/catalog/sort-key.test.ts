import { describe, expect, it } from 'vitest';
import { EMPTY_SORT_KEY, foldText, searchAlternates, sortKey } from '../../../src/main/core/catalog/sort-key.ts';

describe('sort keys', () => {
  it('fold case and diacritics, including letters that do not decompose', () => {
    expect(foldText('Björk')).toBe('bjork');
    expect(foldText('Café Tacvba')).toBe('cafe tacvba');
    expect(foldText('Søren Kjærgaard')).toBe('soren kjaergaard');
    expect(foldText('Łódź')).toBe('lodz');
    expect(foldText('Süß')).toBe('suss');
  });

  it('ignore punctuation, compare numbers by value, and file names without "The"', () => {
    expect(sortKey('¡Ay! Caramba')).toBe('ay caramba');
    expect(sortKey('Part 2') < sortKey('Part 10')).toBe(true);
    expect(sortKey('The Beatles', 'name')).toBe('beatles');
    expect(sortKey('The Beatles')).toBe('the beatles');
    expect(sortKey('The', 'name')).toBe('the');
    expect(sortKey('Zoë', 'name') < sortKey('Zz Top', 'name')).toBe(true);
  });

  it('sort empty fields last', () => {
    expect(sortKey('')).toBe(EMPTY_SORT_KEY);
    expect(sortKey('?!')).toBe(EMPTY_SORT_KEY);
    expect(sortKey('Zzz') < sortKey('')).toBe(true);
    expect(sortKey('坂本') < EMPTY_SORT_KEY).toBe(true);
  });

  it('spell out what the FTS tokenizer leaves unfolded, and nothing else', () => {
    expect(searchAlternates(['Søren Kjærgaard Kvartet', 'Café', 'Łódź Underground'])).toBe(
      'soren kjaergaard kvartet / lodz underground',
    );
    expect(searchAlternates(['Björk', 'Café'])).toBe('');
  });
});
