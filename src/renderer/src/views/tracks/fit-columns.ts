// How a track table's columns share its width, computed once per table width (never per row):
// text columns grow into the free space, short columns keep their width, and when even the
// smallest layout is too wide the least needed columns step aside, in HIDE_ORDER.
import { widthOf } from './column-prefs.ts';
import type { Column, ColumnId } from './columns.ts';

/**
 * First hidden first. An 800-pixel window fits Title, Artist, Album, Time and Rating; those
 * after trackNo go only in a narrower table (the queue panel open in a small window). Title stays.
 */
const HIDE_ORDER: ColumnId[] = [
  'skipCount',
  'lastPlayed',
  'bitrate',
  'format',
  'added',
  'albumArtist',
  'playCount',
  'genre',
  'year',
  'trackNo',
  'rating',
  'album',
  'duration',
  'artist',
];

export interface Fitted {
  columns: Column[];
  /** Each shown column's width in pixels. */
  widths: number[];
}

// A column the user resized keeps exactly the width they gave it.
const grows = (column: Column, saved: Partial<Record<ColumnId, number>>) =>
  column.grow !== undefined && saved[column.id] === undefined;
const least = (column: Column, saved: Partial<Record<ColumnId, number>>) =>
  grows(column, saved) ? column.min! : widthOf(saved, column.id);

/** available: the pixels the rows have, or null before the table was measured (the preferred widths then). */
export function fitColumns(
  wanted: Column[],
  saved: Partial<Record<ColumnId, number>>,
  available: number | null,
): Fitted {
  if (available === null) return { columns: wanted, widths: wanted.map((c) => widthOf(saved, c.id)) };
  let columns = wanted;
  const total = () => columns.reduce((sum, column) => sum + least(column, saved), 0);
  for (const id of HIDE_ORDER) {
    if (total() <= available) break;
    columns = columns.filter((column) => column.id !== id);
  }
  const widths = columns.map((column) => least(column, saved));
  const growing = columns.flatMap((column, i) => (grows(column, saved) ? [i] : []));
  const weight = growing.reduce((sum, i) => sum + columns[i]!.grow!, 0);
  let free = Math.max(0, available - total());
  const share = free / (weight || 1);
  for (const [n, i] of growing.entries()) {
    // The last growing column takes what rounding left, so the row ends at the edge.
    const extra = n === growing.length - 1 ? free : Math.floor(share * columns[i]!.grow!);
    widths[i]! += extra;
    free -= extra;
  }
  return { columns, widths };
}
