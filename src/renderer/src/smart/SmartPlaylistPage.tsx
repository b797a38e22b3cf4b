// A smart playlist's tracks: the Songs table over its view in the views thread, which reads the
// rules again after each play, rating or edit. A stand-in until the playlist page shows smart
// playlists as well.
import { queryToRules } from '../../../shared/smart-rules.ts';
import type { TrackSort } from '../../../shared/views.ts';
import { useNavigation } from '../stores/navigation.ts';
import { trackCount, ViewHeader } from '../views/common/ViewHeader.tsx';
import { TrackTable } from '../views/tracks/TrackTable.tsx';
import { useTrackList } from '../views/tracks/use-track-list.ts';
import { usePlaylistSummary } from './use-smart-playlists.ts';

const ALBUM_ARTIST: TrackSort = { field: 'albumArtist', desc: false };

function SmartTracks({ playlistId, name, query }: { playlistId: number; name: string; query: string }) {
  const { list, sort, setSort } = useTrackList(
    { type: 'smart', playlistId },
    `smart.${playlistId}`,
    queryToRules(query).sort ?? ALBUM_ARTIST,
  );
  const open = useNavigation((state) => state.open);
  return (
    <div className="view">
      <ViewHeader title={name} detail={trackCount(list)}>
        <code className="smart-query-text">{query}</code>
        <button type="button" onClick={() => open({ kind: 'smartEditor', playlistId })}>
          Edit rules
        </button>
      </ViewHeader>
      <TrackTable source={list} label={name} sort={sort} onSort={setSort} empty="No tracks match these rules yet." />
    </div>
  );
}

export function SmartPlaylistPage({ playlistId }: { playlistId: number }) {
  const summary = usePlaylistSummary(playlistId);
  if (!summary?.smartQuery) return <div className="view" aria-busy="true" />;
  // An edited query is a new list (playlist edits are not library changes the list follows).
  return (
    <SmartTracks key={summary.smartQuery} playlistId={playlistId} name={summary.name} query={summary.smartQuery} />
  );
}
