import { trackCount, ViewHeader } from '../common/ViewHeader.tsx';
import { TrackTable } from '../tracks/TrackTable.tsx';
import { useTrackList } from '../tracks/use-track-list.ts';

const DAYS = 30;
const FILTER = { type: 'recent', days: DAYS } as const;

/** What came into the library in the last 30 days, newest first. */
export function RecentView() {
  const { list, sort, setSort } = useTrackList(FILTER, 'recent', { field: 'added', desc: true });
  return (
    <div className="view">
      <ViewHeader title="Recently added" detail={trackCount(list)} />
      <TrackTable
        source={list}
        label="Recently added"
        sort={sort}
        onSort={setSort}
        empty={`Nothing was added in the last ${DAYS} days.`}
      />
    </div>
  );
}
