import { count, ViewHeader } from '../common/ViewHeader.tsx';
import { useShape } from '../data/live.ts';
import { StaticSource } from '../data/static-source.ts';
import { TrackTable } from '../tracks/TrackTable.tsx';
import { useTrackList } from '../tracks/use-track-list.ts';
import type { TrackRow } from '../../../../shared/domain.ts';

const DAYS = 30;
const FILTER = { type: 'recent', days: DAYS } as const;
const NOTHING = new StaticSource<TrackRow>([]);

/** What came into the library in the last 30 days, newest first. */
export function RecentView() {
  const { source, sort, setSort } = useTrackList(FILTER, 'recent', { field: 'added', desc: true });
  const list = source ?? NOTHING;
  useShape(list);
  return (
    <div className="view">
      <ViewHeader title="Recently added" detail={source?.status === 'ready' ? count(list.total, 'track') : ''} />
      {source && (
        <TrackTable
          source={list}
          label="Recently added"
          sort={sort}
          onSort={setSort}
          empty={`Nothing was added in the last ${DAYS} days.`}
        />
      )}
    </div>
  );
}
