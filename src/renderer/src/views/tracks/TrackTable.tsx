// The track table of every view that lists tracks: virtualized rows fetched a window at a time,
// sortable and resizable columns, a column chooser, multi-select with the mouse and the
// keyboard, Enter to play, 0–5 to rate the selection, a context menu, and rows dragged out as
// tracks (to the queue, to a playlist) or, in a playlist's own order, within the list.
import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { List, useListRef } from 'react-window';
import type { TrackRow } from '../../../../shared/domain.ts';
import type { TrackSort } from '../../../../shared/views.ts';
import { rateTracks, ratingForKey } from '../../ratings/rate.ts';
import { TRACK_IDS_TYPE } from '../../components/QueuePanel.tsx';
import { usePlayer } from '../../stores/player.ts';
import { ContextMenu, type MenuAt, type MenuItem } from '../common/ContextMenu.tsx';
import type { RowSource } from '../data/list-source.ts';
import { useRows } from '../data/live.ts';
import { playFrom, queueTracks } from '../play.ts';
import { openPlaylistDialog } from '../playlists/dialogs.ts';
import { playSimilar } from '../../similar/play-similar.ts';
import { COLUMN_BY_ID, COLUMNS, type ColumnId } from './columns.ts';
import { useColumnPrefs } from './column-prefs.ts';
import { fitColumns } from './fit-columns.ts';
import { useSelection } from './selection.ts';
import { TrackHeader } from './TrackHeader.tsx';
import { trackMenu } from './track-menu.ts';
import { openTagEditor } from '../tags/tag-dialog.ts';
import { TrackRowView, type RowHandlers } from './TrackRowView.tsx';
import { useTableWidth } from './use-table-width.ts';

export const ROW_HEIGHT = 30;
/**
 * Rows drawn beyond each edge of the screen. The browser scrolls in the frame a wheel turns,
 * and the list draws the rows for the new place a frame later: what a frame scrolls past
 * these shows as blank rows. 24 rows is 720 px a frame: with 20, a wheel spun at 600 px a
 * frame still showed a blank frame now and then.
 */
const OVERSCAN_ROWS = 24;

function scrollBy(element: HTMLElement | null | undefined, pixels: number): void {
  if (element) element.scrollTop += pixels;
}
const HEADING_HEIGHT = 30;
/** A drag of rows within one list: their row ids, so a drop elsewhere in the same list moves them. */
const ROW_IDS_TYPE = 'application/x-tonearm-row-ids';

/** A list whose rows are not plain tracks (a playlist's entries): how to reach the tracks, and what else it does. */
export interface TableHooks {
  trackIds(rowIds: number[]): number[];
  /** The track behind a row, for the menu's Show album and Show in folder. */
  trackRow(row: TrackRow): TrackRow | undefined;
  play(index: number): void;
  /** Items of its own, after the queue's in the row menu. */
  menu(rowIds: number[]): MenuItem[];
  /** The Delete key. */
  remove(rowIds: number[]): void;
  /** Present while dragging rows may change their order: the ids moved to a drop line. */
  reorder?: (rowIds: number[], position: number) => void;
  note(row: TrackRow): string | undefined;
}

interface Props {
  source: RowSource<TrackRow>;
  label: string;
  /** Omitted: a table in a fixed order (an album's tracklist). */
  sort?: TrackSort;
  onSort?: (sort: TrackSort) => void;
  /** A fixed set of columns instead of the user's choice. */
  columns?: ColumnId[];
  discHeadings?: boolean;
  empty?: ReactNode;
  hooks?: TableHooks;
}

const same = (ids: number[]) => ids;

export function TrackTable({ source, label, sort, onSort, columns: fixedColumns, discHeadings, empty, hooks }: Props) {
  const revision = useRows(source);
  const prefs = useColumnPrefs();
  const playingId = usePlayer((state) => state.current?.id ?? null);
  const listRef = useListRef(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLElement>(null);
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const [focused, setFocused] = useState(false);
  const [dropAt, setDropAt] = useState<number | null>(null);
  // A plain click on a row of a bigger selection keeps it until the button is up: it may be a drag.
  const collapseOnClick = useRef<number | null>(null);
  const trackIds = hooks?.trackIds ?? same;
  const visible = useRef<[number, number]>([0, 0]);
  const { selection, select, moveCursor, selectAll, clear, shiftBy, ordered } = useSelection(source);

  const hasList = !(source.status === 'ready' && source.total === 0);
  const listElement = useCallback(() => listRef.current?.element, [listRef]);
  const available = useTableWidth(tableRef, listElement, hasList);
  const { columns, widths } = useMemo(
    () =>
      fitColumns(
        (fixedColumns ?? prefs.visible).map((id) => COLUMN_BY_ID.get(id)!),
        prefs.widths,
        available,
      ),
    [fixedColumns, prefs.visible, prefs.widths, available],
  );
  const template = useMemo(() => `${widths.map((width) => `${width}px`).join(' ')} minmax(0, 1fr)`, [widths]);

  const discHeading = useMemo(() => {
    if (!discHeadings) return null;
    const discs = new Set<number | null>();
    for (let i = 0; i < source.total; i++) discs.add(source.rowAt(i)?.discNo ?? null);
    if (discs.size < 2) return null;
    return (index: number) => {
      const disc = source.rowAt(index)?.discNo ?? null;
      return index === 0 || source.rowAt(index - 1)?.discNo !== disc ? `Disc ${disc ?? '?'}` : null;
    };
  }, [discHeadings, source]);
  const rowHeight = useMemo(
    () => (discHeading ? (index: number) => ROW_HEIGHT + (discHeading(index) ? HEADING_HEIGHT : 0) : ROW_HEIGHT),
    [discHeading],
  );

  // A new snapshot during an import moved the first row on screen: keep it where it was.
  useLayoutEffect(() => {
    const moved = source.takeShift();
    if (moved === 0) return;
    scrollBy(listRef.current?.element, moved * ROW_HEIGHT);
    shiftBy(moved);
  }, [revision, source, listRef, shiftBy]);

  const play = useCallback(
    (index: number) => {
      if (hooks) return hooks.play(index);
      const ids = ordered();
      const row = source.rowAt(index);
      if (ids.length > 1 && row && selection.ids.has(row.id)) void queueTracks('play', ids);
      else void playFrom(source, index);
    },
    [ordered, source, selection.ids, hooks],
  );

  const openMenu = useCallback(
    (index: number, x: number, y: number) => {
      const row = source.rowAt(index);
      const inSelection = row !== undefined && selection.ids.has(row.id);
      const rowIds = () => (inSelection ? ordered() : row ? [row.id] : []);
      setMenu({
        x,
        y,
        items: trackMenu({
          row: row && hooks ? hooks.trackRow(row) : row,
          ids: () => trackIds(rowIds()),
          play: () => play(index),
          selectAll: () => void selectAll(),
          extra: hooks?.menu(rowIds()),
        }),
      });
    },
    [source, selection.ids, ordered, play, selectAll, hooks, trackIds],
  );

  const handlers = useMemo<RowHandlers>(
    () => ({
      mouseDown(index, event: MouseEvent) {
        if (event.button === 2) return void select(index, { shift: false, toggle: false }, true);
        if (event.button !== 0) return;
        const plain = !event.shiftKey && !event.ctrlKey && !event.metaKey;
        const id = source.idAt(index);
        if (plain && id !== undefined && selection.ids.has(id) && selection.ids.size > 1) {
          collapseOnClick.current = index;
          return void select(index, { shift: false, toggle: false }, true);
        }
        void select(index, { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey });
      },
      click(index) {
        if (collapseOnClick.current === index) void select(index, { shift: false, toggle: false });
        collapseOnClick.current = null;
      },
      dragStart(index, event: DragEvent) {
        collapseOnClick.current = null;
        const id = source.idAt(index);
        if (id === undefined) return event.preventDefault();
        const rowIds = selection.ids.has(id) ? ordered() : [id];
        if (!selection.ids.has(id)) void select(index, { shift: false, toggle: false });
        event.dataTransfer.setData(TRACK_IDS_TYPE, JSON.stringify(trackIds(rowIds)));
        if (hooks?.reorder) event.dataTransfer.setData(ROW_IDS_TYPE, JSON.stringify(rowIds));
        event.dataTransfer.effectAllowed = 'copyMove';
      },
      dragOver(index, event: DragEvent) {
        if (!hooks?.reorder || !event.dataTransfer.types.includes(ROW_IDS_TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        const box = event.currentTarget.getBoundingClientRect();
        setDropAt(event.clientY < box.top + box.height / 2 ? index : index + 1);
      },
      drop(event: DragEvent) {
        const raw = event.dataTransfer.getData(ROW_IDS_TYPE);
        if (!hooks?.reorder || !raw || dropAt === null) return setDropAt(null);
        event.preventDefault();
        hooks.reorder(JSON.parse(raw) as number[], dropAt);
        setDropAt(null);
      },
      doubleClick: (index) => play(index),
      contextMenu(index, event) {
        event.preventDefault();
        openMenu(index, event.clientX, event.clientY);
      },
    }),
    [select, play, openMenu, source, selection.ids, ordered, hooks, trackIds, dropAt],
  );

  const goTo = (index: number, event: KeyboardEvent) => {
    if (source.total === 0) return;
    const to = Math.max(0, Math.min(source.total - 1, index));
    listRef.current?.scrollToRow({ index: to, align: 'smart' });
    if (event.ctrlKey || event.metaKey) moveCursor(to);
    else void select(to, { shift: event.shiftKey, toggle: false });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const cursor = Math.max(0, selection.cursor);
    const page = Math.max(1, visible.current[1] - visible.current[0]);
    const mod = event.ctrlKey || event.metaKey;
    switch (event.key) {
      case 'ArrowDown':
        goTo(selection.cursor < 0 ? visible.current[0] : cursor + 1, event);
        break;
      case 'ArrowUp':
        goTo(cursor - 1, event);
        break;
      case 'PageDown':
        goTo(cursor + page, event);
        break;
      case 'PageUp':
        goTo(cursor - page, event);
        break;
      case 'Home':
        goTo(0, event);
        break;
      case 'End':
        goTo(source.total - 1, event);
        break;
      case 'Enter':
        // Alt+Enter: the selection's tags (foobar2000's Properties key).
        if (event.altKey) openTagEditor(trackIds(ordered()));
        // Shift+Enter: Play similar (a radio of the selection, or of the row at the cursor).
        else if (event.shiftKey && selection.cursor >= 0)
          void playSimilar(trackIds(selection.ids.size > 0 ? ordered() : [source.idAt(cursor) ?? -1]));
        else if (selection.cursor >= 0) play(selection.cursor);
        break;
      case ' ':
        if (!mod || selection.cursor < 0) return;
        void select(selection.cursor, { shift: false, toggle: true });
        break;
      case 'Escape':
        clear();
        break;
      case 'Delete':
        if (!hooks || selection.ids.size === 0) return;
        hooks.remove(ordered());
        break;
      case 'ContextMenu':
      case 'F10': {
        if (event.key === 'F10' && !event.shiftKey) return;
        const row = (event.currentTarget as HTMLElement).querySelector('.track-row.cursor') as HTMLElement | null;
        const box = (row ?? event.currentTarget).getBoundingClientRect();
        openMenu(cursor, box.left + 40, box.top + ROW_HEIGHT);
        break;
      }
      default:
        if (mod && event.shiftKey && event.key.toLowerCase() === 'a') {
          const ids = trackIds(ordered());
          if (ids.length > 0) openPlaylistDialog({ kind: 'add', trackIds: ids });
          break;
        }
        if (mod && event.key.toLowerCase() === 'a') {
          void selectAll();
          break;
        }
        if (!mod && !event.altKey && ratingForKey(event.key) !== undefined && selection.ids.size > 0) {
          void rateTracks(ordered(), ratingForKey(event.key)!);
          break;
        }
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const chooseColumns = (event: MouseEvent) =>
    setMenu({
      x: event.clientX,
      y: event.clientY,
      items: [
        ...COLUMNS.map((column) => ({
          label: column.label,
          checked: prefs.visible.includes(column.id),
          action: () => prefs.toggle(column.id),
        })),
        { label: 'Reset columns', separatorBefore: true, action: prefs.reset },
      ],
    });

  const rowProps = useMemo(
    () => ({
      source,
      revision,
      columns,
      template,
      selected: selection.ids,
      cursor: selection.cursor,
      focused,
      playingId,
      discHeading,
      dropAt,
      note: hooks?.note ?? null,
      trackOf: hooks?.trackRow ?? null,
      handlers,
    }),
    [source, revision, columns, template, selection, focused, playingId, discHeading, dropAt, hooks, handlers],
  );

  if (source.status === 'error') {
    return (
      <div className="empty-state" role="alert">
        Cannot load this list: {source.error}
      </div>
    );
  }
  return (
    <section className="track-table" aria-label={label} ref={tableRef}>
      <TrackHeader
        columns={columns}
        widths={widths}
        template={template}
        sort={sort ?? null}
        onSort={onSort ?? null}
        onChooseColumns={fixedColumns ? null : chooseColumns}
        scrollRef={headerRef}
      />
      {!hasList ? (
        <div className="empty-state">{empty ?? 'Nothing here.'}</div>
      ) : (
        <div
          className="track-body"
          role="grid"
          aria-label={label}
          aria-rowcount={source.total + 1}
          aria-multiselectable="true"
          tabIndex={0}
          onKeyDown={onKeyDown}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          onDragLeave={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropAt(null);
          }}
          onDragEnd={() => setDropAt(null)}
        >
          <List
            listRef={listRef}
            className="track-list"
            rowComponent={TrackRowView}
            rowCount={source.total}
            rowHeight={rowHeight}
            rowProps={rowProps}
            overscanCount={OVERSCAN_ROWS}
            defaultScrollOffset={source.firstVisible * ROW_HEIGHT}
            onRowsRendered={(rows) => {
              visible.current = [rows.startIndex, rows.stopIndex];
              source.setVisible(rows.startIndex, rows.stopIndex);
            }}
            onScroll={(event) => {
              if (headerRef.current) headerRef.current.scrollLeft = event.currentTarget.scrollLeft;
            }}
          />
        </div>
      )}
      {menu && <ContextMenu menu={menu} onClose={() => setMenu(null)} />}
    </section>
  );
}
