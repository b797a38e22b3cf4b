import { useSongs } from '../stores/songs.ts';
import { trackCount, ViewHeader } from './common/ViewHeader.tsx';
import { useLiveSource, useShape } from './data/live.ts';
import { TrackTable } from './tracks/TrackTable.tsx';

export function SongsView() {
  const { sort, source, setSort } = useSongs();
  useLiveSource(source);
  useShape(source);
  return (
    <div className="view">
      <ViewHeader title="Songs" detail={trackCount(source)} />
      <TrackTable
        source={source}
        label="Songs"
        sort={sort}
        onSort={setSort}
        empty="No music yet. Add a folder in Settings, or drop one on the window."
      />
    </div>
  );
}
