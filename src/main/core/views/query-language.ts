// The search box's language, shared by `tonearm query --search`: words match the start of
// words in title, artist, album, album artist, genre and composer (case and diacritics
// folded); `field:value` or `field:"two words"` narrows one word or phrase to a field;
// `year:1995`, `year:1990..1999`, `year:1990..` and `year:..1999` filter by year. Smart
// playlists add filters on play statistics, dates, duration, format and path, a sort and a
// limit (shared/smart-rules.ts reads them, for the rules editor too).
import {
  SEARCH_FIELD_NAMES as FIELD_NAMES,
  TOKEN,
  isQueryFieldName as isFieldName,
  readToken,
  type Comparison,
  type SearchField,
  type SmartFilter,
} from '../../../shared/smart-rules.ts';
import type { TrackSort } from '../../../shared/views.ts';

export type { SearchField };

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
  /** In the order typed; each narrows the result further. */
  filters: SmartFilter[];
  /** A smart playlist's own order, and what `limit` keeps the first of. */
  sort: TrackSort | null;
  limit: number | null;
  problems: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;

export function parseQuery(text: string): ParsedQuery {
  const query: ParsedQuery = { terms: [], year: null, filters: [], sort: null, limit: null, problems: [] };
  for (const match of text.matchAll(TOKEN)) {
    const [, rawField, quoted, bare] = match;
    const value = quoted ?? bare ?? '';
    const fieldName = rawField?.toLowerCase();
    // "artist:" as typed so far, its value still to come.
    if (!rawField && bare && /^[\p{L}_]+:$/u.test(bare) && isFieldName(bare.slice(0, -1))) continue;
    const read = rawField ? readToken(rawField, value) : null;
    if (read) {
      if ('problem' in read) query.problems.push(read.problem);
      else if ('sort' in read) query.sort = read.sort;
      else if ('limit' in read) query.limit = read.limit;
      else if (read.rule.field === 'year') query.year = yearBounds(read.rule);
      else query.filters.push(read.rule);
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

function yearBounds(year: Comparison): { from: number; to: number } {
  switch (year.op) {
    case '..':
      return { from: year.from ?? 0, to: year.to ?? 9999 };
    case '=':
      return { from: year.value, to: year.value };
    case '>':
      return { from: year.value + 1, to: 9999 };
    case '>=':
      return { from: year.value, to: 9999 };
    case '<':
      return { from: 0, to: year.value - 1 };
    case '<=':
      return { from: 0, to: year.value };
  }
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
