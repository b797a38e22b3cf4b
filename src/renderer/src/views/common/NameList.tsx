// A long list of names (album artists, genres): virtualized, arrow keys and Enter, click to open.
import { useState, type KeyboardEvent } from 'react';
import { List, useListRef, type RowComponentProps } from 'react-window';
import type { RowSource } from '../data/list-source.ts';
import { useRows } from '../data/live.ts';

const ROW_HEIGHT = 34;

interface Item {
  id: number;
  name: string;
}

interface RowProps<R extends Item> {
  source: RowSource<R>;
  revision: number;
  cursor: number;
  detail(row: R): string;
  onOpen(row: R): void;
  onCursor(index: number): void;
}

function NameRow<R extends Item>({
  index,
  style,
  ariaAttributes,
  source,
  cursor,
  detail,
  onOpen,
  onCursor,
}: RowComponentProps<RowProps<R>>) {
  const row = source.rowAt(index);
  return (
    <div
      {...ariaAttributes}
      role="option"
      aria-selected={index === cursor}
      className={`name-row${index === cursor ? ' cursor' : ''}${row ? '' : ' placeholder'}`}
      style={style}
      onMouseDown={() => onCursor(index)}
      onClick={() => row && onOpen(row)}
    >
      {row && (
        <>
          <span className="name">{row.name || 'Unknown'}</span>
          <span className="name-detail">{detail(row)}</span>
        </>
      )}
    </div>
  );
}

export function NameList<R extends Item>({
  source,
  label,
  detail,
  onOpen,
}: {
  source: RowSource<R>;
  label: string;
  detail(row: R): string;
  onOpen(row: R): void;
}) {
  const revision = useRows(source);
  const [cursor, setCursor] = useState(-1);
  const listRef = useListRef(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 15, PageUp: -15 };
    let next: number | null = null;
    if (event.key in steps) next = Math.max(0, cursor) + steps[event.key]!;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = source.total - 1;
    else if (event.key === 'Enter') {
      const row = source.rowAt(cursor);
      if (row) onOpen(row);
    } else return;
    event.preventDefault();
    if (next === null || source.total === 0) return;
    next = Math.max(0, Math.min(source.total - 1, next));
    setCursor(next);
    listRef.current?.scrollToRow({ index: next, align: 'smart' });
  };

  return (
    <div className="name-list" role="listbox" aria-label={label} tabIndex={0} onKeyDown={onKeyDown}>
      <List
        listRef={listRef}
        rowComponent={NameRow<R>}
        rowCount={source.total}
        rowHeight={ROW_HEIGHT}
        rowProps={{ source, revision, cursor, detail, onOpen, onCursor: setCursor }}
        overscanCount={8}
        defaultScrollOffset={source.firstVisible * ROW_HEIGHT}
        onRowsRendered={(rows) => source.setVisible(rows.startIndex, rows.stopIndex)}
      />
    </div>
  );
}
