import { useRef, type MouseEvent as ReactMouseEvent, type RefObject } from 'react';
import type { TrackSort } from '../../../../shared/views.ts';
import type { Column } from './columns.ts';
import { useColumnPrefs } from './column-prefs.ts';

/** Columns whose first click lists the most (recent, played, loved) first. */
const DESC_FIRST = new Set(['added', 'playCount', 'lastPlayed', 'rating']);

interface Props {
  columns: Column[];
  /** What each column is drawn at (fit-columns.ts): where a resize starts from. */
  widths: number[];
  template: string;
  sort: TrackSort | null;
  onSort: ((sort: TrackSort) => void) | null;
  onChooseColumns: ((event: ReactMouseEvent) => void) | null;
  scrollRef: RefObject<HTMLDivElement | null>;
}

/** Click a column to sort by it, again to reverse; drag its edge to resize; right-click to choose columns. */
export function TrackHeader({ columns, widths, template, sort, onSort, onChooseColumns, scrollRef }: Props) {
  const setWidth = useColumnPrefs((state) => state.setWidth);
  const dragging = useRef(false);

  const startResize = (column: Column, startWidth: number, event: ReactMouseEvent) => {
    event.preventDefault();
    event.stopPropagation();
    dragging.current = true;
    const startX = event.clientX;
    const move = (e: MouseEvent) => setWidth(column.id, startWidth + e.clientX - startX);
    const up = () => {
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
      // The click that ends a drag is not a sort.
      setTimeout(() => (dragging.current = false));
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
  };

  return (
    <div className="track-header-scroll" ref={scrollRef}>
      <div
        className="track-header"
        role="row"
        aria-rowindex={1}
        style={{ gridTemplateColumns: template }}
        onContextMenu={(event) => {
          if (!onChooseColumns) return;
          event.preventDefault();
          onChooseColumns(event);
        }}
      >
        {columns.map((column, i) => {
          const active = sort?.field === column.sort;
          return (
            <div
              key={column.id}
              role="columnheader"
              aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : undefined}
              className={`header-cell col-${column.id}${column.numeric ? ' num' : ''}${onSort ? ' sortable' : ''}`}
              title={onSort ? `Sort by ${column.label.toLowerCase()}` : column.label}
              onClick={() => {
                if (!onSort || dragging.current) return;
                onSort({ field: column.sort, desc: active ? !sort.desc : DESC_FIRST.has(column.sort) });
              }}
            >
              <span className="header-label">{column.short && widths[i]! < 70 ? column.short : column.label}</span>
              {active && <span className="sort-arrow">{sort.desc ? '▼' : '▲'}</span>}
              {onChooseColumns && (
                <span
                  className="resize-handle"
                  aria-hidden="true"
                  onMouseDown={(event) => startResize(column, widths[i]!, event)}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
