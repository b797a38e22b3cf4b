// Smart playlist rules: the query text is what is stored (and what the search box and
// `tonearm query --search` read); the rules are what an editor shows, one row each. The two
// convert both ways: rules → text → rules gives the same rules, and text written by
// rulesToQuery reads back to the same text. Text typed by hand reads to the same meaning
// (`year:1999-1990`, `duration:300s` and `"bjork"` come back as `year:1990..1999`,
// `duration:300` and `bjork`).
import type { TrackSort, TrackSortField } from './views.ts';

export type SearchField = 'title' | 'artist' | 'album' | 'albumArtist' | 'genre' | 'composer';

/** The field names typed before a colon, as the search box reads them. */
export const SEARCH_FIELD_NAMES: Record<string, SearchField> = {
  title: 'title',
  artist: 'artist',
  album: 'album',
  albumartist: 'albumArtist',
  album_artist: 'albumArtist',
  genre: 'genre',
  composer: 'composer',
};

export type CompareOp = '=' | '<' | '<=' | '>' | '>=';
/** `..` with a bound left out is open on that side (`year:2000..`). */
export type Comparison = { op: CompareOp; value: number } | { op: '..'; from: number | null; to: number | null };

export type SmartRule =
  /** Words (or, with spaces, a phrase) matched at the start of words; `in` narrows them to a field. */
  | { field: 'text'; in: SearchField | null; value: string }
  | ({ field: 'plays' | 'skips' | 'rating' } & Comparison)
  | ({ field: 'year' } & Comparison)
  /** Values in the unit typed: `duration:2m..5m` is 2 to 5 in minutes. */
  | ({ field: 'duration'; unit: 's' | 'm' } & Comparison)
  /** `<`: within the last `days`; `>`: not within them (never played included). */
  | { field: 'played' | 'added'; op: '<' | '>'; days: number }
  | { field: 'played'; op: 'never' }
  /** format: the Format column, any case; path: a prefix of the file's path. */
  | { field: 'format' | 'path'; value: string };

/** What the catalog filters on beyond the search words. */
export type SmartFilter = Exclude<SmartRule, { field: 'text' | 'year' }>;
export type FilterField = SmartFilter['field'];

export interface SmartQuery {
  rules: SmartRule[];
  /** The playlist's order, and what `limit` keeps the first of; null: album artist order. */
  sort: TrackSort | null;
  limit: number | null;
}

export const MAX_LIMIT = 1_000_000;

const FILTER_FIELDS: readonly FilterField[] = [
  'plays',
  'skips',
  'rating',
  'played',
  'added',
  'duration',
  'format',
  'path',
];

/** Sort names as typed after `sort:`; the first name of a field is the one written. */
const SORT_NAMES: Record<string, TrackSortField> = {
  plays: 'playCount',
  skips: 'skipCount',
  played: 'lastPlayed',
  rating: 'rating',
  added: 'added',
  duration: 'duration',
  year: 'year',
  title: 'title',
  artist: 'artist',
  album: 'album',
  albumartist: 'albumArtist',
  genre: 'genre',
  format: 'format',
  bitrate: 'bitrate',
  track: 'trackNo',
  path: 'path',
};
const SORT_WRITTEN = new Map(Object.entries(SORT_NAMES).map(([name, field]) => [field, name]));

/** One token: `field:value`, `field:"a phrase"`, a bare word or a "phrase". */
export const TOKEN = /(?:([\p{L}_]+):)?(?:"([^"]*)"?|(\S+))/gu;

/** Every name the language reads before a colon: "plays:" typed so far waits for its value. */
export const isQueryFieldName = (name: string): boolean => {
  const lower = name.toLowerCase();
  return (
    Object.hasOwn(SEARCH_FIELD_NAMES, lower) ||
    FILTER_FIELDS.includes(lower as FilterField) ||
    ['year', 'sort', 'limit'].includes(lower)
  );
};

/** What one `field:value` token of a rule, a sort or a limit says; null when `field` is none of those. */
export type ReadToken =
  { rule: Exclude<SmartRule, { field: 'text' }> } | { sort: TrackSort } | { limit: number } | { problem: string };

const PROBLEMS: Record<FilterField | 'year' | 'sort' | 'limit', string> = {
  plays: 'plays: takes a count, as in plays:0, plays:>10 or plays:5..20',
  skips: 'skips: takes a count, as in skips:0 or skips:>3',
  rating: 'rating: takes 0 to 5 stars, as in rating:>=4 or rating:0 (unrated)',
  year: 'year: takes a year or a range, as in year:1995 or year:1990..1999',
  played: 'played: takes days or never, as in played:<30d, played:>90d or played:never',
  added: 'added: takes days, as in added:<7d',
  duration: 'duration: takes seconds or minutes, as in duration:>300 or duration:2m..5m',
  format: 'format: takes a format, as in format:flac',
  path: 'path: takes the start of a path, as in path:"/music/jazz"',
  sort: 'sort: takes a column, as in sort:plays:desc or sort:added',
  limit: 'limit: takes a count of tracks, as in limit:50',
};

export function readToken(field: string, value: string): ReadToken | null {
  const name = field.toLowerCase();
  if (!(name in PROBLEMS)) return null;
  const read = readValue(name as keyof typeof PROBLEMS, value.trim());
  return read ?? { problem: PROBLEMS[name as keyof typeof PROBLEMS] };
}

function readValue(name: keyof typeof PROBLEMS, value: string): ReadToken | null {
  switch (name) {
    case 'plays':
    case 'skips': {
      const comparison = readComparison(value, /^\d+$/);
      return comparison && { rule: { field: name, ...comparison } };
    }
    case 'rating': {
      const comparison = readComparison(value, /^[0-5]$/);
      return comparison && { rule: { field: name, ...comparison } };
    }
    case 'year': {
      const comparison = readComparison(value, /^\d{4}$/) ?? readYearDash(value);
      return comparison && { rule: { field: name, ...comparison } };
    }
    case 'duration':
      return readDuration(value);
    case 'played':
      if (value.toLowerCase() === 'never') return { rule: { field: name, op: 'never' } };
      return readDays(name, value);
    case 'added':
      return readDays(name, value);
    case 'format':
    case 'path':
      return value ? { rule: { field: name, value } } : null;
    case 'sort': {
      const [column = '', direction, ...rest] = value.toLowerCase().split(':');
      const sortField = SORT_NAMES[column];
      if (!sortField || rest.length > 0 || (direction !== undefined && direction !== 'asc' && direction !== 'desc'))
        return null;
      return { sort: { field: sortField, desc: direction === 'desc' } };
    }
    case 'limit': {
      const limit = /^\d+$/.test(value) ? Number(value) : 0;
      return limit >= 1 && limit <= MAX_LIMIT ? { limit } : null;
    }
  }
}

function readComparison(value: string, number: RegExp): Comparison | null {
  const compared = /^(<=|>=|<|>|=)?([^<>=.]+)$/.exec(value);
  if (compared && number.test(compared[2]!))
    return { op: (compared[1] ?? '=') as CompareOp, value: Number(compared[2]) };
  const range = /^([^.]*)\.\.([^.]*)$/.exec(value);
  if (!range || (!range[1] && !range[2])) return null;
  if ((range[1] && !number.test(range[1])) || (range[2] && !number.test(range[2]))) return null;
  return ordered(range[1] ? Number(range[1]) : null, range[2] ? Number(range[2]) : null);
}

const ordered = (from: number | null, to: number | null): Comparison =>
  from !== null && to !== null && from > to ? { op: '..', from: to, to: from } : { op: '..', from, to };

/** The search box's first range syntax, still read: `1990-1999`, `1990-`, `-1999`. */
function readYearDash(value: string): Comparison | null {
  const match = /^(\d{4})?-(\d{4})?$/.exec(value);
  if (!match || (!match[1] && !match[2])) return null;
  return ordered(match[1] ? Number(match[1]) : null, match[2] ? Number(match[2]) : null);
}

function readDuration(value: string): ReadToken | null {
  const amount = (text: string) => {
    const match = /^(\d+(?:\.\d+)?)(s|m)?$/.exec(text);
    return match ? { number: Number(match[1]), unit: (match[2] ?? 's') as 's' | 'm' } : null;
  };
  if (!value.includes('..')) {
    const [, op, rest = ''] = /^(<=|>=|<|>|=)?(.*)$/.exec(value)!;
    const single = amount(rest);
    return (
      single && { rule: { field: 'duration', unit: single.unit, op: (op ?? '=') as CompareOp, value: single.number } }
    );
  }
  const [fromText = '', toText = '', ...extra] = value.split('..');
  const from = fromText ? amount(fromText) : null;
  const to = toText ? amount(toText) : null;
  if (extra.length > 0 || (fromText && !from) || (toText && !to) || (!from && !to)) return null;
  // Mixed units ("2m..300") are read in seconds.
  const unit = from && to && from.unit !== to.unit ? 's' : (from ?? to)!.unit;
  const inUnit = (part: typeof from) => (part === null ? null : part.unit === unit ? part.number : part.number * 60);
  return { rule: { field: 'duration', unit, ...ordered(inUnit(from), inUnit(to)) } };
}

function readDays(field: 'played' | 'added', value: string): ReadToken | null {
  const match = /^(<|>)(\d+)d$/i.exec(value);
  if (!match || Number(match[2]) < 1) return null;
  return { rule: { field, op: match[1] as '<' | '>', days: Number(match[2]) } };
}

/** The rules of a query text, its sort and limit; what could not be read is left out and said. */
export function queryToRules(text: string): SmartQuery & { problems: string[] } {
  const query: SmartQuery & { problems: string[] } = { rules: [], sort: null, limit: null, problems: [] };
  for (const match of text.matchAll(TOKEN)) {
    const [token, rawField, quoted, bare] = match;
    if (!rawField && bare && /^[\p{L}_]+:$/u.test(bare) && isQueryFieldName(bare.slice(0, -1))) continue;
    const value = quoted ?? bare ?? '';
    const read = rawField ? readToken(rawField, value) : null;
    if (read) {
      if ('rule' in read) query.rules.push(read.rule);
      else if ('sort' in read) query.sort = read.sort;
      else if ('limit' in read) query.limit = read.limit;
      else query.problems.push(read.problem);
      continue;
    }
    const field = rawField ? (SEARCH_FIELD_NAMES[rawField.toLowerCase()] ?? null) : null;
    if (field) {
      if (/[\p{L}\p{N}]/u.test(value)) query.rules.push({ field: 'text', in: field, value });
    } else if (rawField) {
      // An unknown "word:" is text: "foo:bar" as typed, `foo:"a b"` the phrase "foo a b".
      query.rules.push({ field: 'text', in: null, value: quoted === undefined ? token : `${rawField} ${quoted}` });
    } else if (/[\p{L}\p{N}]/u.test(value)) {
      query.rules.push({ field: 'text', in: null, value });
    }
  }
  return query;
}

/** The query text of rules, sort and limit: rules in order, then `sort:`, then `limit:`. */
export function rulesToQuery(query: SmartQuery): string {
  const parts = query.rules.map(ruleText);
  if (query.sort) parts.push(`sort:${SORT_WRITTEN.get(query.sort.field)}${query.sort.desc ? ':desc' : ''}`);
  if (query.limit !== null) parts.push(`limit:${query.limit}`);
  return parts.join(' ');
}

// A value with a space is written as "a phrase"; a quote cannot be inside one, so it is dropped
// (the search ignores quotes inside words anyway).
const quoteIfNeeded = (value: string): string => {
  const plain = value.replaceAll('"', '');
  return plain === '' || /\s/.test(plain) ? `"${plain}"` : plain;
};

const comparisonText = (comparison: Comparison, unit = ''): string =>
  comparison.op === '..'
    ? `${comparison.from === null ? '' : comparison.from + unit}..${comparison.to === null ? '' : comparison.to + unit}`
    : `${comparison.op === '=' ? '' : comparison.op}${comparison.value}${unit}`;

function ruleText(rule: SmartRule): string {
  switch (rule.field) {
    case 'text': {
      if (rule.in) return `${fieldNameOf(rule.in)}:${quoteIfNeeded(rule.value)}`;
      // Words that would read as a field ("plays:>10" typed as text) are written as a phrase.
      const plain = rule.value.replaceAll('"', '');
      return /^[\p{L}_]+:/u.test(plain) && isQueryFieldName(plain.slice(0, plain.indexOf(':')))
        ? `"${plain}"`
        : quoteIfNeeded(rule.value);
    }
    case 'plays':
    case 'skips':
    case 'rating':
    case 'year':
      return `${rule.field}:${comparisonText(rule)}`;
    case 'duration':
      return `duration:${comparisonText(rule, rule.unit === 'm' ? 'm' : '')}`;
    case 'played':
    case 'added':
      return rule.op === 'never' ? 'played:never' : `${rule.field}:${rule.op}${rule.days}d`;
    case 'format':
    case 'path':
      return `${rule.field}:${quoteIfNeeded(rule.value)}`;
  }
}

const fieldNameOf = (field: SearchField): string =>
  Object.entries(SEARCH_FIELD_NAMES).find(([, value]) => value === field)![0];
