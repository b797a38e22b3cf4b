import { memo, type DragEvent, type MouseEvent } from 'react';
import type { RowComponentProps } from 'react-window';
import type { TrackRow } from '../../../../shared/domain.ts';
import { rateTracks } from '../../ratings/rate.ts';
import { StarRating } from '../../ratings/StarRating.tsx';
import type { RowSource } from '../data/list-source.ts';
import type { Column } from './columns.ts';
import { sameRow } from './same-row.ts';

export interface RowHandlers {
  mouseDown(index: number, event: MouseEvent): void;
  doubleClick(index: number): void;
  contextMenu(index: number, event: MouseEvent): void;
  click(index: number, event: MouseEvent): void;
  dragStart(index: number, event: DragEvent): void;
  dragOver(index: number, event: DragEvent): void;
  drop(event: DragEvent): void;
}

export interface TrackRowProps {
  source: RowSource<TrackRow>;
  /** Changes whenever the source has new rows: what makes the list draw them. */
  revision: number;
  columns: Column[];
  template: string;
  selected: ReadonlyMap<number, number>;
  cursor: number;
  focused: boolean;
  playingId: number | null;
  /** Album pages: a "Disc 2" heading above the first track of each disc after the first. */
  discHeading: ((index: number) => string | null) | null;
  /** Where a drag of rows would drop them (a line above that row), or null. */
  dropAt: number | null;
  /** A row's tooltip when it is unavailable (a playlist entry says why and where). */
  note: ((row: TrackRow) => string | undefined) | null;
  /** The track behind a row when the row's id is not a track id (a playlist entry). */
  trackOf: ((row: TrackRow) => TrackRow | undefined) | null;
  handlers: RowHandlers;
}

type CellsProps = { row: TrackRow; columns: Column[] };
/** A row's cells: drawn again only when what its row shows or the columns change, not on every scroll. */
const Cells = memo(
  function Cells({ row, columns }: CellsProps) {
    return columns.map((column) => (
      <span key={column.id} role="gridcell" className={`cell col-${column.id}${column.numeric ? ' num' : ''}`}>
        {column.id === 'rating' ? (
          <StarRating rating={row.rating} onRate={(rating) => void rateTracks([row.id], rating)} inTable />
        ) : (
          column.text(row)
        )}
      </span>
    ));
  },
  (before: CellsProps, after: CellsProps) => before.columns === after.columns && sameRow(before.row, after.row),
);

export function TrackRowView({
  index,
  style,
  ariaAttributes,
  source,
  columns,
  template,
  selected,
  cursor,
  focused,
  playingId,
  discHeading,
  dropAt,
  note,
  trackOf,
  handlers,
}: RowComponentProps<TrackRowProps>) {
  const row = source.rowAt(index);
  const heading = discHeading?.(index) ?? null;
  // song-row: the name the first end-to-end tests know rows by.
  const classes = ['track-row', 'song-row'];
  if (!row) classes.push('placeholder');
  if (row && selected.has(row.id)) classes.push('selected');
  if (index === cursor) classes.push(focused ? 'cursor focused' : 'cursor');
  if (row && (trackOf ? trackOf(row)?.id : row.id) === playingId) classes.push('playing');
  if (row && !row.available) classes.push('unavailable');
  if (heading) classes.push('with-heading');
  if (dropAt === index) classes.push('drop-before');
  if (dropAt === index + 1 && index === source.total - 1) classes.push('drop-after');
  return (
    <div
      {...ariaAttributes}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={row ? selected.has(row.id) : false}
      className={classes.join(' ')}
      style={{ ...style, gridTemplateColumns: template }}
      data-track-id={row?.id}
      title={
        row && !row.available
          ? (note?.(row) ?? 'Unavailable: its library folder is offline or the file is missing')
          : undefined
      }
      draggable={row !== undefined}
      onMouseDown={(event) => handlers.mouseDown(index, event)}
      onClick={(event) => handlers.click(index, event)}
      onDragStart={(event) => handlers.dragStart(index, event)}
      onDragOver={(event) => handlers.dragOver(index, event)}
      onDrop={(event) => handlers.drop(event)}
      onDoubleClick={() => handlers.doubleClick(index)}
      onContextMenu={(event) => handlers.contextMenu(index, event)}
    >
      {heading && (
        <div className="disc-heading" role="presentation">
          {heading}
        </div>
      )}
      {row && <Cells row={row} columns={columns} />}
    </div>
  );
}
