import { count, ViewHeader } from '../common/ViewHeader.tsx';
import { useShape } from '../data/live.ts';
import { StaticSource } from '../data/static-source.ts';
import { TrackTable } from '../tracks/TrackTable.tsx';
import { useTrackList } from '../tracks/use-track-list.ts';
import type { TrackRow } from '../../../../shared/domain.ts';

const NOTHING = new StaticSource<TrackRow>([]);

/** A genre's songs, in any order the columns give. */
export function GenrePage({ genreId, name }: { genreId: number; name: string }) {
  const { source, sort, setSort } = useTrackList({ type: 'genre', genreId }, 'genre', {
    field: 'albumArtist',
    desc: false,
  });
  const list = source ?? NOTHING;
  useShape(list);
  return (
    <div className="view">
      <ViewHeader title={name} detail={source?.status === 'ready' ? count(list.total, 'track') : ''} />
      {source && <TrackTable source={list} label={`${name} songs`} sort={sort} onSort={setSort} />}
    </div>
  );
}
