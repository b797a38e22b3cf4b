// The play queue: what plays now and next, in play order. Double-click or Enter plays an
// item; drag (or Alt+↑/↓) reorders; × or Delete removes. Tracks dragged in from a list with
// the type TRACK_IDS_TYPE are queued where they are dropped.
import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { List, type RowComponentProps } from 'react-window';
import type { TrackRow } from '../../../shared/domain.ts';
import { call } from '../bridge/api.ts';
import { clearQueue, insertIntoQueue, jumpTo, moveInQueue, removeFromQueue } from '../player/actions.ts';
import type { QueueItem } from '../player/queue-model.ts';
import { usePlayer } from '../stores/player.ts';
import { useQueue } from '../stores/queue.ts';
import { stopRadio } from '../similar/play-similar.ts';
import { RadioIndicator } from '../similar/RadioIndicator.tsx';
import { newPlaylistFrom } from '../views/playlists/actions.ts';
import { formatDuration } from './format.ts';

/** What a list puts on a drag of tracks: a JSON array of track ids. */
export const TRACK_IDS_TYPE = 'application/x-tonearm-track-ids';
const QUEUE_INDEX_TYPE = 'application/x-tonearm-queue-index';
const ROW_HEIGHT = 44;

interface RowProps {
  items: QueueItem[];
  currentIndex: number;
  dropAt: number | null;
  failed: ReadonlyMap<number, string>;
  onDragOverRow(event: DragEvent, index: number): void;
  onDrop(event: DragEvent): void;
}

async function droppedTracks(event: DragEvent): Promise<TrackRow[] | null> {
  const raw = event.dataTransfer.getData(TRACK_IDS_TYPE);
  if (!raw) return null;
  try {
    const ids = (JSON.parse(raw) as unknown[]).filter((id): id is number => Number.isInteger(id) && (id as number) > 0);
    return ids.length > 0 ? await call('library.tracksByIds', { ids }) : null;
  } catch {
    return null;
  }
}

function onRowKey(event: KeyboardEvent, index: number, item: QueueItem, count: number) {
  if (event.key === 'Enter') jumpTo(index);
  else if (event.key === 'Delete' || event.key === 'Backspace') removeFromQueue([item.key]);
  else if (event.altKey && event.key === 'ArrowUp' && index > 0) moveInQueue(index, index - 1);
  else if (event.altKey && event.key === 'ArrowDown' && index < count - 1) moveInQueue(index, index + 1);
  else return;
  event.preventDefault();
}

function QueueRow({
  index,
  style,
  items,
  currentIndex,
  dropAt,
  failed,
  onDragOverRow,
  onDrop,
  ariaAttributes,
}: RowComponentProps<RowProps>) {
  const item = items[index]!;
  const problem = failed.get(item.key);
  const classes = [
    'queue-row',
    index === currentIndex ? 'current' : '',
    dropAt === index ? 'drop-before' : '',
    dropAt === index + 1 && index === items.length - 1 ? 'drop-after' : '',
    problem ? 'failed' : '',
  ];
  return (
    <div
      className={classes.join(' ')}
      style={style}
      {...ariaAttributes}
      tabIndex={0}
      draggable
      data-queue-index={index}
      aria-current={index === currentIndex ? 'true' : undefined}
      aria-label={`${item.track.title}, ${item.track.artist}`}
      onDoubleClick={() => jumpTo(index)}
      onKeyDown={(event) => onRowKey(event, index, item, items.length)}
      onDragStart={(event) => {
        event.dataTransfer.setData(QUEUE_INDEX_TYPE, String(index));
        event.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(event) => onDragOverRow(event, index)}
      onDrop={onDrop}
    >
      <span className="queue-grip" aria-hidden="true">
        ⠿
      </span>
      <span className="queue-text">
        <span className="queue-title" title={problem ?? item.track.title}>
          {problem ? '⚠ ' : ''}
          {item.track.title}
        </span>
        <span className="queue-artist">{item.track.artist}</span>
      </span>
      <span className="queue-time">{formatDuration(item.track.durationS)}</span>
      <button
        type="button"
        className="icon-button queue-remove"
        aria-label={`Remove ${item.track.title} from the queue`}
        onClick={() => removeFromQueue([item.key])}
      >
        ×
      </button>
    </div>
  );
}

export function QueuePanel({ onClose }: { onClose(): void }) {
  const { items, index } = useQueue();
  const failed = usePlayer((state) => state.failed);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const total = items.reduce((sum, item) => sum + (item.track.durationS ?? 0), 0);

  const accepts = (event: DragEvent) =>
    event.dataTransfer.types.includes(QUEUE_INDEX_TYPE) || event.dataTransfer.types.includes(TRACK_IDS_TYPE);

  const onDragOverRow = (event: DragEvent, row: number) => {
    if (!accepts(event)) return;
    event.preventDefault();
    event.stopPropagation();
    const rect = event.currentTarget.getBoundingClientRect();
    setDropAt(event.clientY < rect.top + rect.height / 2 ? row : row + 1);
  };

  const onDrop = (event: DragEvent) => {
    if (!accepts(event)) return;
    event.preventDefault();
    event.stopPropagation();
    const at = dropAt ?? items.length;
    setDropAt(null);
    const from = event.dataTransfer.getData(QUEUE_INDEX_TYPE);
    if (from !== '') {
      const source = Number(from);
      moveInQueue(source, at > source ? at - 1 : at);
      return;
    }
    void droppedTracks(event).then((tracks) => tracks && insertIntoQueue(at, tracks));
  };

  return (
    <aside
      id="queue-panel"
      className="queue-panel"
      aria-label="Play queue"
      data-testid="queue-panel"
      onDragOver={(event) => {
        if (!accepts(event)) return;
        event.preventDefault();
        setDropAt(items.length);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropAt(null);
      }}
      onDrop={onDrop}
    >
      <header className="queue-header">
        <h2>Queue</h2>
        <span className="queue-summary">
          {items.length} {items.length === 1 ? 'track' : 'tracks'}
          {total > 0 ? ` · ${formatDuration(total)}` : ''}
        </span>
        <button
          type="button"
          onClick={() =>
            newPlaylistFrom(
              items.map((item) => item.track.id),
              'Save the queue as a playlist',
            )
          }
          disabled={items.length === 0}
        >
          Save as playlist
        </button>
        <button
          type="button"
          onClick={() => {
            // Clearing ends a radio (it would otherwise fill the queue again).
            stopRadio();
            clearQueue();
          }}
          disabled={items.length === 0}
        >
          Clear
        </button>
        <button type="button" className="icon-button" aria-label="Close the queue" onClick={onClose}>
          ×
        </button>
      </header>
      <RadioIndicator />
      {items.length === 0 ? (
        <div className="queue-empty">The queue is empty. Play something, or drag tracks here.</div>
      ) : (
        <List
          className="queue-list"
          aria-label="Queued tracks"
          rowComponent={QueueRow}
          rowCount={items.length}
          rowHeight={ROW_HEIGHT}
          rowProps={{ items, currentIndex: index, dropAt, failed, onDragOverRow, onDrop }}
          overscanCount={8}
        />
      )}
    </aside>
  );
}
