import { useEffect, useState, type KeyboardEvent } from 'react';
import { List, useListRef, type RowComponentProps } from 'react-window';
import type { AlbumRow } from '../../../../shared/domain.ts';
import type { AlbumSortField } from '../../../../shared/views.ts';
import type { ListSource, RowSource } from '../data/list-source.ts';
import { useLiveSource, useRows } from '../data/live.ts';
import { count, ViewHeader } from '../common/ViewHeader.tsx';
import { AlbumCard } from './AlbumCard.tsx';
import { useAlbums } from './albums-store.ts';

const CARD_WIDTH = 176;
const ROW_HEIGHT = 232;
const PADDING = 16;

interface GridRowProps {
  source: RowSource<AlbumRow>;
  revision: number;
  perRow: number;
}

function GridRow({ index, style, source, perRow }: RowComponentProps<GridRowProps>) {
  const cards = [];
  for (let i = index * perRow; i < Math.min(source.total, (index + 1) * perRow); i++) {
    const album = source.rowAt(i);
    cards.push(
      album ? (
        <AlbumCard key={album.id} album={album} index={i} />
      ) : (
        <div key={`placeholder-${i}`} className="album-card placeholder" />
      ),
    );
  }
  return (
    <div
      className="album-grid-row"
      role="row"
      style={{ ...style, gridTemplateColumns: `repeat(${perRow}, ${CARD_WIDTH - 16}px)` }}
    >
      {cards}
    </div>
  );
}

const SORTS: { field: AlbumSortField; label: string }[] = [
  { field: 'albumArtist', label: 'Album artist' },
  { field: 'title', label: 'Title' },
  { field: 'year', label: 'Year' },
];

export function AlbumsView() {
  const source = useAlbums((state) => state.source);
  const show = useAlbums((state) => state.show);
  useEffect(() => void show(), [show]);
  return source ? <AlbumGrid source={source} /> : <div className="view" aria-busy="true" />;
}

function AlbumGrid({ source }: { source: ListSource<AlbumRow> }) {
  const { sort, setSort } = useAlbums();
  useLiveSource(source);
  const revision = useRows(source);
  const [width, setWidth] = useState(0);
  const listRef = useListRef(null);
  const perRow = Math.max(1, Math.floor((width - PADDING * 2) / CARD_WIDTH));

  // Arrow keys move between cards; the grid scrolls to keep the focused one in view.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = Number((document.activeElement as HTMLElement | null)?.dataset.index ?? -1);
    if (current < 0) return;
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: perRow, ArrowUp: -perRow }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(source.total - 1, current + step));
    listRef.current?.scrollToRow({ index: Math.floor(next / perRow), align: 'smart' });
    requestAnimationFrame(() =>
      listRef.current?.element?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus(),
    );
  };

  return (
    <div className="view">
      <ViewHeader title="Albums" detail={source.status === 'ready' ? count(source.total, 'album') : ''}>
        <label className="sort-select">
          Sort by{' '}
          <select
            value={sort.field}
            onChange={(event) => setSort({ field: event.target.value as AlbumSortField, desc: sort.desc })}
          >
            {SORTS.map((option) => (
              <option key={option.field} value={option.field}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => setSort({ ...sort, desc: !sort.desc })}
          aria-label={sort.desc ? 'Descending' : 'Ascending'}
          title={sort.desc ? 'Descending' : 'Ascending'}
        >
          {sort.desc ? '▼' : '▲'}
        </button>
      </ViewHeader>
      {source.status === 'error' && <div className="empty-state">Cannot load the albums: {source.error}</div>}
      {source.status === 'ready' && source.total === 0 ? (
        <div className="empty-state">No albums yet. Add a folder in Settings.</div>
      ) : (
        <div className="album-grid" role="grid" aria-label="Albums" onKeyDown={onKeyDown}>
          <List
            listRef={listRef}
            rowComponent={GridRow}
            rowCount={width === 0 ? 0 : Math.ceil(source.total / perRow)}
            rowHeight={ROW_HEIGHT}
            rowProps={{ source, revision, perRow }}
            overscanCount={2}
            defaultScrollOffset={Math.floor(source.firstVisible / perRow) * ROW_HEIGHT}
            onResize={(size) => setWidth(size.width)}
            onRowsRendered={(rows) => source.setVisible(rows.startIndex * perRow, (rows.stopIndex + 1) * perRow - 1)}
          />
        </div>
      )}
    </div>
  );
}
