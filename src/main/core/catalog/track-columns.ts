// The SQL of the track's fields, built once from their one declaration (common/track-columns.ts).
import {
  TRACK_COLUMNS,
  type ParsedColumns,
  type TrackColumn,
  type TrackField,
  type TrackShape,
} from '../../common/track-columns.ts';

const entries = Object.entries(TRACK_COLUMNS) as [TrackField, TrackColumn][];

/** The SELECT list of a shape, each field under its TS name; `t` is tracks (see TrackColumn for the others). */
export function selectList(shape: 'row' | 'query'): string {
  return entries
    .filter(([, column]) => column[shape])
    .map(([name, column]) => `${column.expr ?? `t.${column.column}`} AS ${name}`)
    .join(', ');
}

/**
 * The mapping of a shape's rows as SQLite hands them back (a flag is 0 or 1): each row is
 * made right where it lies, no copy.
 */
export function rowMapper<Shape extends 'row' | 'query'>(shape: Shape): (raw: unknown) => TrackShape<Shape> {
  const flags = entries.filter(([, column]) => column[shape] && column.type === 'bool').map(([name]) => name);
  return (raw) => {
    const row = raw as Record<string, unknown>;
    for (const flag of flags) row[flag] = row[flag] === 1;
    return row as TrackShape<Shape>;
  };
}

export interface CopiedColumn {
  column: string;
  field: keyof ParsedColumns;
  /** What is stored when the tag is absent. */
  absent: '' | null;
  flag: boolean;
}

/** The columns the writer stores as parsed, in declaration order. */
export const COPIED_COLUMNS: readonly CopiedColumn[] = entries
  .filter(([, column]) => column.parsed === 'copy')
  .map(([field, column]) => ({
    column: column.column!,
    field: field as keyof ParsedColumns,
    absent: column.type === 'text' ? '' : null,
    flag: column.type === 'bool',
  }));
