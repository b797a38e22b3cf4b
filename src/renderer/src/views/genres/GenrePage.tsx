import { trackCount, ViewHeader } from '../common/ViewHeader.tsx';
import { TrackTable } from '../tracks/TrackTable.tsx';
import { useTrackList } from '../tracks/use-track-list.ts';

/** A genre's songs, in any order the columns give. */
export function GenrePage({ genreId, name }: { genreId: number; name: string }) {
  const { list, sort, setSort } = useTrackList({ type: 'genre', genreId }, 'genre', {
    field: 'albumArtist',
    desc: false,
  });
  return (
    <div className="view">
      <ViewHeader title={name} detail={trackCount(list)} />
      <TrackTable source={list} label={`${name} songs`} sort={sort} onSort={setSort} />
    </div>
  );
}
