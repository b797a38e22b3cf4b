// The editor's rows: a field, an operator and the value as typed. A row becomes a rule by being
// written as the query language's token and read back (readToken's checks and messages are the
// search box's own), and a rule becomes a row by the token rulesToQuery writes for it alone.
import { queryToRules, rulesToQuery, type SearchField, type SmartRule } from '../../../shared/smart-rules.ts';

export type RowField =
  'text' | SearchField | 'plays' | 'skips' | 'rating' | 'year' | 'played' | 'added' | 'duration' | 'format' | 'path';

export interface RuleRow {
  field: RowField;
  op: string;
  value: string;
}

export const FIELD_LABELS: [RowField, string][] = [
  ['text', 'Any text'],
  ['title', 'Title'],
  ['artist', 'Artist'],
  ['album', 'Album'],
  ['albumArtist', 'Album artist'],
  ['genre', 'Genre'],
  ['composer', 'Composer'],
  ['plays', 'Plays'],
  ['skips', 'Skips'],
  ['rating', 'Rating'],
  ['year', 'Year'],
  ['played', 'Last played'],
  ['added', 'Date added'],
  ['duration', 'Duration'],
  ['format', 'Format'],
  ['path', 'Path'],
];

const COMPARE: [string, string][] = [
  ['=', 'is'],
  ['>', 'more than'],
  ['>=', 'at least'],
  ['<', 'less than'],
  ['<=', 'at most'],
  ['..', 'between (a..b)'],
];
const DAYS: [string, string][] = [
  ['<', 'in the last (days)'],
  ['>', 'not in the last (days)'],
];

const TEXT_FIELDS = new Set<RowField>(['text', 'title', 'artist', 'album', 'albumArtist', 'genre', 'composer']);

/** The operators a field offers, as [value, label]. */
export function operatorsOf(field: RowField): [string, string][] {
  if (TEXT_FIELDS.has(field)) return [['has', 'has the words']];
  if (field === 'played') return [...DAYS, ['never', 'never']];
  if (field === 'added') return DAYS;
  if (field === 'format') return [['is', 'is']];
  if (field === 'path') return [['starts', 'starts with']];
  return COMPARE;
}

export const VALUE_HINTS: Partial<Record<RowField, string>> = {
  rating: '0–5 stars',
  duration: '300 or 5m; 2m..5m',
  year: '1999 or 1990..1999',
  format: 'flac',
  path: '/music/jazz',
};

export const blankRow = (field: RowField = 'text'): RuleRow => ({ field, op: operatorsOf(field)[0]![0], value: '' });

/** The row as one rule, or what is wrong with it; null for a row left empty. */
export function rowToRule(row: RuleRow): { rule: SmartRule } | { problem: string } | null {
  const value = row.value.trim();
  if (TEXT_FIELDS.has(row.field)) {
    if (!value) return null;
    return { rule: { field: 'text', in: row.field === 'text' ? null : (row.field as SearchField), value } };
  }
  if (row.op === 'never') return { rule: { field: 'played', op: 'never' } };
  if (!value) return null;
  const token = tokenOf(row, value);
  const read = queryToRules(token);
  const [rule] = read.rules;
  if (read.problems.length > 0 || !rule || read.rules.length > 1) {
    return { problem: read.problems[0] ?? `${row.field}: cannot read "${value}"` };
  }
  return { rule };
}

function tokenOf(row: RuleRow, value: string): string {
  switch (row.field) {
    case 'played':
    case 'added':
      return `${row.field}:${row.op}${value.replace(/d$/i, '')}d`;
    case 'format':
    case 'path':
      return `${row.field}:"${value.replaceAll('"', '')}"`;
    default:
      return `${row.field}:${row.op === '=' || row.op === '..' ? '' : row.op}${value}`;
  }
}

export function ruleToRow(rule: SmartRule): RuleRow {
  if (rule.field === 'text') return { field: rule.in ?? 'text', op: 'has', value: rule.value };
  if (rule.field === 'played' && rule.op === 'never') return { field: 'played', op: 'never', value: '' };
  const written = rulesToQuery({ rules: [rule], sort: null, limit: null });
  const after = written.slice(written.indexOf(':') + 1).replace(/^"(.*)"$/, '$1');
  switch (rule.field) {
    case 'played':
    case 'added':
      return { field: rule.field, op: after[0]!, value: after.slice(1, -1) };
    case 'format':
      return { field: 'format', op: 'is', value: after };
    case 'path':
      return { field: 'path', op: 'starts', value: after };
    default: {
      if (after.includes('..')) return { field: rule.field, op: '..', value: after };
      const [, op = '=', rest = ''] = /^(<=|>=|<|>)?(.*)$/.exec(after)!;
      return { field: rule.field, op, value: rest };
    }
  }
}
