// How a track table's columns share its width (views/tracks/fit-columns.ts).
import { describe, expect, it } from 'vitest';
import { COLUMN_BY_ID, DEFAULT_COLUMNS, type ColumnId } from '../../src/renderer/src/views/tracks/columns.ts';
import { fitColumns } from '../../src/renderer/src/views/tracks/fit-columns.ts';

const columns = (ids: ColumnId[]) => ids.map((id) => COLUMN_BY_ID.get(id)!);
const sum = (widths: number[]) => widths.reduce((a, b) => a + b, 0);
const shown = (fitted: ReturnType<typeof fitColumns>) => fitted.columns.map((column) => column.id);
const widthOf = (fitted: ReturnType<typeof fitColumns>, id: ColumnId) => fitted.widths[shown(fitted).indexOf(id)];

describe('fitColumns', () => {
  it('gives the free width to the text columns, to the pixel, and keeps the short ones as they are', () => {
    const fitted = fitColumns(columns(DEFAULT_COLUMNS), {}, 1697);
    expect(shown(fitted)).toEqual(DEFAULT_COLUMNS);
    expect(sum(fitted.widths)).toBe(1697);
    expect(widthOf(fitted, 'duration')).toBe(64);
    expect(widthOf(fitted, 'rating')).toBe(88);
    expect(widthOf(fitted, 'title')).toBeGreaterThan(widthOf(fitted, 'artist')!);
  });

  it('keeps a width the user gave a text column', () => {
    const fitted = fitColumns(columns(DEFAULT_COLUMNS), { title: 333 }, 1697);
    expect(widthOf(fitted, 'title')).toBe(333);
    expect(sum(fitted.widths)).toBe(1697);
  });

  it('hides the least needed columns first in an 800-pixel window, never Title, Artist, Album, Time or Rating', () => {
    const fitted = fitColumns(columns([...DEFAULT_COLUMNS, 'albumArtist', 'format']), {}, 577);
    expect(shown(fitted)).toEqual(expect.arrayContaining(['title', 'artist', 'album', 'duration', 'rating']));
    expect(shown(fitted)).not.toContain('format');
    expect(shown(fitted)).not.toContain('albumArtist');
    expect(sum(fitted.widths)).toBe(577);
  });

  it('keeps the Title when the table is narrower still', () => {
    expect(shown(fitColumns(columns(DEFAULT_COLUMNS), {}, 200))).toEqual(['title']);
  });

  it('uses the preferred widths before the table was measured', () => {
    const fitted = fitColumns(columns(['title', 'year']), { year: 70 }, null);
    expect(fitted.widths).toEqual([200, 70]);
  });
});
