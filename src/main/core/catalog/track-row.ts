import type { TrackRow } from '../../../shared/domain.ts';
import type { TrackShape } from '../../common/track-columns.ts';
import { rowMapper, selectList } from './track-columns.ts';

/** The columns of a TrackRow; `t` is tracks, `r` roots, `ps` play_stats. */
export const TRACK_ROW_COLUMNS = selectList('row');

export const TRACK_ROW_FROM = /* sql */ `
  tracks t JOIN roots r ON r.id = t.root_id LEFT JOIN play_stats ps ON ps.track_id = t.id`;

export const toTrackRow: (raw: unknown) => TrackRow = rowMapper('row');

// The renderer's TrackRow is declared in shared (it may not import main): this fails to
// compile the day the columns marked `row` and it part ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
type _SameShape = Holds<Same<TrackShape<'row'>, TrackRow>>;
