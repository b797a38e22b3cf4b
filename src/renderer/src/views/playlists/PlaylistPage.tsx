// A playlist: its entries in the Songs table, in its own order (where rows can be dragged into
// a new one) or sorted by a column, filtered by a search box. Missing entries stay as rows.
import { useEffect, useMemo, useState } from 'react';
import type { TrackSort } from '../../../../shared/views.ts';
import { call, onEvent } from '../../bridge/api.ts';
import { playTracks } from '../../player/actions.ts';
import { usePlaylists } from '../../stores/playlists.ts';
import { count, ViewHeader } from '../common/ViewHeader.tsx';
import { ListSource } from '../data/list-source.ts';
import { useLiveSource, useOpenSource, useShape } from '../data/live.ts';
import { TrackTable, type TableHooks } from '../tracks/TrackTable.tsx';
import { attempt } from './actions.ts';
import { noteOf, playable, toEntryRow, type EntryTrackRow } from './entry-rows.ts';
import { openPlaylistDialog } from './dialogs.ts';
import { formatDuration } from '../../components/format.ts';

/** As a player plays an album: some rows before the one chosen, so that Previous works. */
const BEFORE = 200;
const AFTER = 1800;
const SEARCH_DELAY_MS = 150;

function useDebounced(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return settled;
}

export function PlaylistPage({ playlistId }: { playlistId: number }) {
  const playlist = usePlaylists((state) => state.playlists.find((p) => p.id === playlistId));
  const loaded = usePlaylists((state) => state.loaded);
  const [sort, setSort] = useState<TrackSort | null>(null);
  const [text, setText] = useState('');
  const search = useDebounced(text.trim());
  const { source, trackOf } = useMemo(() => {
    // Entry id → track id of every row fetched: what a drag or the menu hands on as tracks.
    const trackOf = new Map<number, number | null>();
    const spec = { kind: 'playlist' as const, playlistId, sort, ...(search ? { search } : {}) };
    const source = new ListSource<EntryTrackRow>(call, spec, (raw) => {
      const row = toEntryRow(raw);
      trackOf.set(row.id, row.entry.trackId);
      return row;
    });
    return { source, trackOf };
  }, [playlistId, sort, search]);
  useOpenSource(source);
  // A scan that finds an entry's file again says so only as a library change.
  useLiveSource(source);
  useShape(source);
  useEffect(
    () =>
      onEvent('playlists.changed', (change) => {
        if (change.playlistIds.includes(playlistId)) void source.catchUp(null);
      }),
    [source, playlistId],
  );

  // A smart playlist's rows come from its rules: nothing to reorder or remove by hand.
  const editable = playlist?.smartQuery === null;
  const ownOrder = editable && sort === null && !search;
  const hooks = useMemo<TableHooks>(
    () => ({
      trackIds: (rowIds) => rowIds.map((id) => trackOf.get(id)).filter((id): id is number => typeof id === 'number'),
      trackRow: (row) => (row as EntryTrackRow).entry.track ?? undefined,
      async play(index) {
        const start = Math.max(0, index - BEFORE);
        const rows = await source.rowsFrom(start, index - start + AFTER);
        const { tracks, start: at } = playable(rows, index - start);
        playTracks(tracks, at);
      },
      menu: (rowIds) => [
        {
          label: rowIds.length > 1 ? `Remove ${rowIds.length} from playlist` : 'Remove from playlist',
          separatorBefore: true,
          disabled: rowIds.length === 0 || !editable,
          action: () => void attempt(() => call('playlists.removeEntries', { playlistId, entryIds: rowIds })),
        },
      ],
      remove: (rowIds) => {
        if (editable) void attempt(() => call('playlists.removeEntries', { playlistId, entryIds: rowIds }));
      },
      reorder: ownOrder
        ? (rowIds, position) =>
            void attempt(() => call('playlists.moveEntries', { playlistId, entryIds: rowIds, position }))
        : undefined,
      note: (row) => noteOf(row as EntryTrackRow),
    }),
    [source, playlistId, ownOrder, editable, trackOf],
  );

  if (loaded && !playlist) {
    return (
      <div className="view">
        <ViewHeader title="Playlist" />
        <div className="empty-state">This playlist was deleted.</div>
      </div>
    );
  }
  const name = playlist?.name ?? '';
  const detail = playlist
    ? [
        count(playlist.entryCount, 'track'),
        playlist.durationS > 0 ? formatDuration(playlist.durationS) : '',
        playlist.missingCount > 0 ? `${playlist.missingCount} missing` : '',
      ]
        .filter(Boolean)
        .join(' · ')
    : '';
  return (
    <div className="view playlist-page">
      <ViewHeader title={name} detail={detail}>
        {sort && (
          <button type="button" onClick={() => setSort(null)} title="Back to the order the playlist keeps">
            Playlist order
          </button>
        )}
        <input
          type="search"
          className="playlist-search"
          placeholder="Filter"
          aria-label={`Filter ${name}`}
          value={text}
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => event.key === 'Escape' && setText('')}
        />
        {playlist && (
          <button type="button" onClick={() => openPlaylistDialog({ kind: 'export', playlist })}>
            Export…
          </button>
        )}
      </ViewHeader>
      <TrackTable
        source={source}
        label={name || 'Playlist'}
        sort={sort ?? undefined}
        onSort={setSort}
        hooks={hooks}
        empty={
          search
            ? 'No entry matches the filter.'
            : 'This playlist is empty. Drag songs onto it in the sidebar, or use “Add to playlist…” on a selection.'
        }
      />
    </div>
  );
}
