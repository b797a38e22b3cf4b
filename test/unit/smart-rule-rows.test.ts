// The editor's rows and the query text: every rule the language reads comes back as a row that
// writes the same token, and a row typed badly says why instead of vanishing silently.
import { describe, expect, it } from 'vitest';
import { queryToRules, rulesToQuery } from '../../src/shared/smart-rules.ts';
import { blankRow, rowToRule, ruleToRow } from '../../src/renderer/src/smart/rule-rows.ts';

const roundTrip = (text: string) => {
  const { rules, sort, limit } = queryToRules(text);
  const back = rules.map((rule) => {
    const read = rowToRule(ruleToRow(rule));
    if (!read || !('rule' in read)) throw new Error(`no rule for ${JSON.stringify(rule)}`);
    return read.rule;
  });
  return rulesToQuery({ rules: back, sort, limit });
};

describe('smart playlist rule rows', () => {
  it.each([
    'bjork',
    'artist:"sigur ros" genre:jazz',
    'plays:>10 skips:<=3 rating:>=4 rating:0',
    'year:1990..1999 plays:5..',
    'played:<30d played:>90d played:never added:<7d',
    'duration:>300 duration:2m..5m',
    'format:flac path:"/music/jazz age"',
    '"plays:5" sort:plays:desc limit:50',
  ])('rule → row → rule keeps %s', (text) => {
    expect(roundTrip(text)).toBe(rulesToQuery(queryToRules(text)));
  });

  it('reads rows as typed in the editor', () => {
    expect(rowToRule({ field: 'played', op: '<', value: '1' })).toEqual({
      rule: { field: 'played', op: '<', days: 1 },
    });
    expect(rowToRule({ field: 'rating', op: '>=', value: '4' })).toEqual({
      rule: { field: 'rating', op: '>=', value: 4 },
    });
    expect(rowToRule({ field: 'artist', op: 'has', value: 'miles davis' })).toEqual({
      rule: { field: 'text', in: 'artist', value: 'miles davis' },
    });
    expect(rowToRule(blankRow('plays'))).toBeNull();
    expect(rowToRule({ field: 'rating', op: '=', value: '7' })).toEqual({
      problem: expect.stringContaining('rating:'),
    });
  });
});
