// The search box's language, shared by `tonearm query --search`: words match the start of
// words in title, artist, album, album artist, genre and composer (case and diacritics
// folded); `field:value` or `field:"two words"` narrows one word or phrase to a field;
// `year:1995`, `year:1990..1999`, `year:1990..` and `year:..1999` filter by year.

export type SearchField = 'title' | 'artist' | 'album' | 'albumArtist' | 'genre' | 'composer';

const FIELD_NAMES: Record<string, SearchField> = {
  title: 'title',
  artist: 'artist',
  album: 'album',
  albumartist: 'albumArtist',
  album_artist: 'albumArtist',
  genre: 'genre',
  composer: 'composer',
};

/** FTS5 columns per field. search_alt holds the plain spellings of ø, ł, æ… words of every field. */
const COLUMNS: Record<SearchField, string> = {
  title: '{title search_alt}',
  artist: '{artist album_artist search_alt}',
  album: '{album search_alt}',
  albumArtist: '{album_artist search_alt}',
  genre: '{genre search_alt}',
  composer: '{composer search_alt}',
};

export interface QueryTerm {
  field: SearchField | null;
  /** The words of the term, as typed (FTS5 folds case and diacritics itself). */
  words: string[];
  /** Typed as "a phrase": its words must be adjacent. */
  phrase: boolean;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  year: { from: number; to: number } | null;
  problems: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;
const TOKEN = /(?:([\p{L}_]+):)?(?:"([^"]*)"?|(\S+))/gu;

export function parseQuery(text: string): ParsedQuery {
  const query: ParsedQuery = { terms: [], year: null, problems: [] };
  for (const match of text.matchAll(TOKEN)) {
    const [, rawField, quoted, bare] = match;
    const value = quoted ?? bare ?? '';
    const fieldName = rawField?.toLowerCase();
    // "artist:" as typed so far, its value still to come.
    if (!rawField && bare && /^[\p{L}_]+:$/u.test(bare) && isFieldName(bare.slice(0, -1))) continue;
    if (fieldName === 'year') {
      const year = parseYears(value);
      if (year) query.year = year;
      else query.problems.push('year: takes a year or a range, as in year:1995 or year:1990..1999');
      continue;
    }
    const field = fieldName ? (FIELD_NAMES[fieldName] ?? null) : null;
    // An unknown "word:" is text, as typed: "re: mixes" finds the album "Re: Mixes".
    const words = (field || !rawField ? value : `${rawField} ${value}`).match(WORD) ?? [];
    if (words.length === 0) continue;
    if (quoted !== undefined || field) query.terms.push({ field, words, phrase: true });
    else for (const word of words) query.terms.push({ field: null, words: [word], phrase: false });
  }
  return query;
}

const isFieldName = (name: string): boolean =>
  name.toLowerCase() === 'year' || Object.hasOwn(FIELD_NAMES, name.toLowerCase());

function parseYears(value: string): { from: number; to: number } | null {
  const match = /^(\d{4})?(?:(\.\.|-)(\d{4})?)?$/.exec(value.trim());
  if (!match || (!match[1] && !match[3])) return null;
  const from = match[1] ? Number(match[1]) : 0;
  const to = match[3] ? Number(match[3]) : match[2] ? 9999 : from;
  return from <= to ? { from, to } : { from: to, to: from };
}

/**
 * The FTS5 MATCH expression, or null when the query has no words. Every word is a prefix,
 * except one-letter words: a one-letter prefix would read a large part of the index on every
 * keystroke (FIELD-NOTES), and a single letter is more often a word of its own ("a", "n").
 */
export function toFtsMatch(query: ParsedQuery): string | null {
  if (query.terms.length === 0) return null;
  return query.terms
    .map((term) => {
      const last = term.words.at(-1)!;
      const phrase = `"${term.words.join(' ')}"${last.length > 1 ? '*' : ''}`;
      return term.field ? `${COLUMNS[term.field]} : ${phrase}` : phrase;
    })
    .join(' AND ');
}
