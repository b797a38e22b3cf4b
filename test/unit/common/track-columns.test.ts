// The declaration of the track's fields is what every SELECT, the writer and ParsedTrack are
// made from: a slip in it (two fields on one column, a parsed field with no column) shows here.
import { describe, expect, it } from 'vitest';
import { TRACK_COLUMNS, type TrackColumn } from '../../../src/main/common/track-columns.ts';

const columns = Object.entries(TRACK_COLUMNS) as [string, TrackColumn][];

describe('TRACK_COLUMNS', () => {
  it('gives each field a column of tracks or an expression, never both', () => {
    for (const [name, column] of columns) expect([name, !column.column !== !column.expr]).toEqual([name, true]);
  });

  it('maps no two fields to one column', () => {
    const stored = columns.flatMap(([, column]) => column.column ?? []);
    expect(new Set(stored).size).toBe(stored.length);
  });

  it('stores every parsed field in a column (an expression cannot be written)', () => {
    for (const [name, column] of columns.filter(([, c]) => c.parsed))
      expect([name, column.column]).not.toContain(undefined);
  });

  it('reads every field in some shape or parses it', () => {
    for (const [name, column] of columns)
      expect([name, !!(column.row || column.query || column.parsed)]).toEqual([name, true]);
  });
});
