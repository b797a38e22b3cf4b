import { describe, expect, it } from 'vitest';
import { parseQuery, toFtsMatch } from '../../../src/main/core/views/query-language.ts';
import { queryToRules, rulesToQuery, type SmartQuery } from '../../../src/shared/smart-rules.ts';

const rules = (text: string) => {
  const { problems, ...query } = queryToRules(text);
  expect(problems, text).toEqual([]);
  return query;
};

describe('the smart playlist filters of the search language', () => {
  it('reads play counts, ratings and skips as comparisons and ranges', () => {
    expect(parseQuery('plays:>10').filters).toEqual([{ field: 'plays', op: '>', value: 10 }]);
    expect(parseQuery('plays:0').filters).toEqual([{ field: 'plays', op: '=', value: 0 }]);
    expect(parseQuery('plays:5..20').filters).toEqual([{ field: 'plays', op: '..', from: 5, to: 20 }]);
    expect(parseQuery('plays:20..5').filters).toEqual([{ field: 'plays', op: '..', from: 5, to: 20 }]);
    expect(parseQuery('rating:>=4').filters).toEqual([{ field: 'rating', op: '>=', value: 4 }]);
    expect(parseQuery('rating:0').filters).toEqual([{ field: 'rating', op: '=', value: 0 }]);
    expect(parseQuery('skips:<=2').filters).toEqual([{ field: 'skips', op: '<=', value: 2 }]);
  });

  it('reads days back for played and added, and never', () => {
    expect(parseQuery('played:<30d').filters).toEqual([{ field: 'played', op: '<', days: 30 }]);
    expect(parseQuery('played:>90d').filters).toEqual([{ field: 'played', op: '>', days: 90 }]);
    expect(parseQuery('played:never').filters).toEqual([{ field: 'played', op: 'never' }]);
    expect(parseQuery('added:<7d').filters).toEqual([{ field: 'added', op: '<', days: 7 }]);
  });

  it('reads durations in seconds or minutes, format and path', () => {
    expect(parseQuery('duration:>300').filters).toEqual([{ field: 'duration', unit: 's', op: '>', value: 300 }]);
    expect(parseQuery('duration:2m..5m').filters).toEqual([{ field: 'duration', unit: 'm', op: '..', from: 2, to: 5 }]);
    expect(parseQuery('duration:2m..300').filters).toEqual([
      { field: 'duration', unit: 's', op: '..', from: 120, to: 300 },
    ]);
    expect(parseQuery('duration:..90').filters).toEqual([
      { field: 'duration', unit: 's', op: '..', from: null, to: 90 },
    ]);
    expect(parseQuery('format:flac').filters).toEqual([{ field: 'format', value: 'flac' }]);
    expect(parseQuery('path:"/music/my jazz"').filters).toEqual([{ field: 'path', value: '/music/my jazz' }]);
  });

  it('reads a sort and a limit, the rest still words', () => {
    const query = parseQuery('genre:jazz played:<30d sort:plays:desc limit:50');
    expect(query.sort).toEqual({ field: 'playCount', desc: true });
    expect(query.limit).toBe(50);
    expect(query.filters).toEqual([{ field: 'played', op: '<', days: 30 }]);
    expect(toFtsMatch(query)).toBe('{genre search_alt} : "jazz"*');
    expect(parseQuery('sort:added').sort).toEqual({ field: 'added', desc: false });
    expect(parseQuery('sort:skips:asc').sort).toEqual({ field: 'skipCount', desc: false });
  });

  it('says what it cannot read and keeps the words', () => {
    for (const bad of [
      'plays:lots',
      'plays:-1',
      'rating:6',
      'rating:>=4.5',
      'played:30',
      'played:<0d',
      'added:never',
      'duration:long',
      'duration:1h',
      'sort:mood',
      'sort:plays:up',
      'limit:0',
      'limit:ten',
    ]) {
      const query = parseQuery(`${bad} rock`);
      expect(query.problems, bad).toHaveLength(1);
      expect(query.filters, bad).toEqual([]);
      expect(toFtsMatch(query), bad).toBe('"rock"*');
    }
  });

  it('waits for the value of a filter being typed', () => {
    expect(toFtsMatch(parseQuery('bjork plays:'))).toBe('"bjork"*');
    expect(parseQuery('sort:').problems).toEqual([]);
  });

  it('reads years as before, and comparisons now too', () => {
    expect(parseQuery('year:1999-1990').year).toEqual({ from: 1990, to: 1999 });
    expect(parseQuery('year:-1969').year).toEqual({ from: 0, to: 1969 });
    expect(parseQuery('year:>2000').year).toEqual({ from: 2001, to: 9999 });
    expect(parseQuery('year:<=1969').year).toEqual({ from: 0, to: 1969 });
    expect(parseQuery('year:199').problems).toHaveLength(1);
  });
});

describe('smart playlist rules', () => {
  const canonical = [
    '',
    'bjork',
    'sigur ros',
    '"sigur ros"',
    'artist:bjork',
    'artist:"sigur ros"',
    'albumartist:various title:intro',
    'genre:hip-hop',
    'foo:bar',
    're: mixes',
    'year:1995',
    'year:1990..1999',
    'year:2000..',
    'year:..1969',
    'year:>2000',
    'plays:>10',
    'plays:0',
    'plays:5..20',
    'plays:..3',
    'skips:>=3',
    'rating:>=4',
    'rating:0',
    'rating:1..3',
    'played:<30d',
    'played:>90d',
    'played:never',
    'added:<7d',
    'added:>365d',
    'duration:>300',
    'duration:<=90',
    'duration:2m..5m',
    'duration:2.5m',
    'duration:120..',
    'format:flac',
    'path:/music/jazz',
    'path:"/music/my jazz"',
    'played:<30d sort:plays:desc limit:50',
    'rating:>=4 played:>90d',
    'genre:jazz rating:>=3',
    'added:<30d sort:added:desc',
    'sort:added',
    'limit:50',
    'bjork year:1993 plays:>0 sort:rating:desc',
    'sort:played:desc limit:25',
    'sort:skips',
    'sort:albumartist',
    'sort:track',
  ];

  it('reads canonical query text to rules that write back to the same text', () => {
    for (const text of canonical) expect(rulesToQuery(rules(text)), text).toBe(text);
  });

  it('writes rules to text that reads back to the same rules', () => {
    const cases: SmartQuery[] = [
      { rules: [], sort: null, limit: null },
      { rules: [{ field: 'text', in: null, value: 'sigur ros' }], sort: null, limit: null },
      { rules: [{ field: 'text', in: 'albumArtist', value: 'the beatles' }], sort: null, limit: 10 },
      // Text that would read as a filter stays text.
      { rules: [{ field: 'text', in: null, value: 'plays:>10' }], sort: null, limit: null },
      { rules: [{ field: 'text', in: null, value: 'artist:' }], sort: null, limit: null },
      {
        rules: [
          { field: 'plays', op: '>', value: 10 },
          { field: 'rating', op: '..', from: 3, to: null },
          { field: 'year', op: '<', value: 1980 },
          { field: 'duration', unit: 'm', op: '>=', value: 10 },
          { field: 'duration', unit: 's', op: '..', from: null, to: 600 },
          { field: 'played', op: 'never' },
          { field: 'added', op: '>', days: 30 },
          { field: 'format', value: 'opus' },
          { field: 'path', value: '/mnt/nas/Music (old)/A' },
        ],
        sort: { field: 'lastPlayed', desc: true },
        limit: 100,
      },
      ...(['playCount', 'skipCount', 'lastPlayed', 'rating', 'added', 'duration', 'year', 'path'] as const).map(
        (field): SmartQuery => ({ rules: [], sort: { field, desc: field !== 'path' }, limit: null }),
      ),
    ];
    for (const query of cases) expect(rules(rulesToQuery(query)), JSON.stringify(query)).toEqual(query);
  });

  it('reads hand-typed text to its canonical spelling', () => {
    const spellings: [string, string][] = [
      ['  PLAYS:>10   Rating:>=4 ', 'plays:>10 rating:>=4'],
      ['year:1999-1990', 'year:1990..1999'],
      ['year:1990-', 'year:1990..'],
      ['duration:300s', 'duration:300'],
      ['duration:5m..2m', 'duration:2m..5m'],
      ['"bjork"', 'bjork'],
      ['foo:"a b"', '"foo a b"'],
      ['Played:NEVER', 'played:never'],
      ['sort:PLAYS:DESC sort:added', 'sort:added'],
      ['limit:10 limit:20', 'limit:20'],
      ['plays:=3', 'plays:3'],
      ['artist:', ''],
    ];
    for (const [typed, written] of spellings) expect(rulesToQuery(rules(typed)), typed).toBe(written);
  });

  it('leaves out what it cannot read and says so', () => {
    const read = queryToRules('rating:9 bjork limit:none');
    expect(read.rules).toEqual([{ field: 'text', in: null, value: 'bjork' }]);
    expect(read.problems).toHaveLength(2);
  });

  it('means the same to the search as the text it came from', () => {
    for (const text of canonical) {
      const again = parseQuery(rulesToQuery(rules(text)));
      const first = parseQuery(text);
      expect(again, text).toEqual(first);
    }
  });
});
