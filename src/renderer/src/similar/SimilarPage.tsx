// Similar tracks: the index's nearest tracks to a selection or an album, ranked, with their
// match in percent, playable like any track list.
import { useCallback, useMemo, useState } from 'react';
import type { LibraryChange } from '../../../shared/domain.ts';
import type { SimilarTracks } from '../../../shared/similarity.ts';
import { call } from '../bridge/api.ts';
import { PageFallback } from '../views/common/PageFallback.tsx';
import { usePage } from '../views/common/use-page.ts';
import { count, ViewHeader } from '../views/common/ViewHeader.tsx';
import { StaticSource } from '../views/data/static-source.ts';
import { queueTracks } from '../views/play.ts';
import { TrackTable } from '../views/tracks/TrackTable.tsx';
import type { ColumnId } from '../views/tracks/columns.ts';
import { similarRows } from './match.ts';
import { playSimilar } from './play-similar.ts';
import { notAnalysedText } from './radio-plan.ts';
import { useStatus } from './status-store.ts';

const LIMIT = 100;
const COLUMNS: ColumnId[] = ['match', 'title', 'artist', 'album', 'genre', 'duration', 'rating'];

const affects = (page: SimilarTracks, change: LibraryChange) =>
  change.structural || change.updated.some((id) => page.rows.some((row) => row.track.id === id));

export interface SimilarSeed {
  ids: number[] | null;
  albumId: number | null;
  label: string;
}

/** Said instead of an empty list when the seeds have no vectors yet. */
function NotAnalysed({ onRetry }: { onRetry(): void }) {
  const { status } = useStatus();
  return (
    <div className="empty-state" role="status" data-testid="similar-not-analysed">
      <p>{notAnalysedText(status)}</p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

export function SimilarPage({ ids, albumId, label }: SimilarSeed) {
  // Asked again when the user retries, and once when the analysis has caught up.
  const [attempt, setAttempt] = useState(0);
  const load = useCallback(
    () =>
      albumId !== null
        ? call('similar.album', { albumId, limit: LIMIT })
        : call('similar.tracks', { ids: ids ?? [], limit: LIMIT }),
    [ids, albumId],
  );
  const key = `similar-${albumId ?? ids?.join(',')}-${attempt}`;
  const { page, error } = usePage(load, affects, key);
  const rows = useMemo(() => (page ? similarRows(page) : []), [page]);
  const source = useMemo(() => new StaticSource(rows), [rows]);
  const { status } = useStatus();
  const waiting = page !== null && rows.length === 0 && page.seedsWithoutVector > 0;
  const caughtUp = status !== null && status.pending === 0;
  const [askedWhenDone, setAskedWhenDone] = useState(false);
  if (waiting && caughtUp && !askedWhenDone) {
    setAskedWhenDone(true);
    setAttempt((n) => n + 1);
  }

  if (!page) return <PageFallback error={error} />;
  return (
    <div className="view similar-page" data-testid="similar-page">
      <ViewHeader title={`Similar to ${label}`} detail={count(rows.length, 'track')}>
        <button
          type="button"
          className="primary"
          disabled={rows.length === 0}
          onClick={() => void queueTracks('play', rows)}
        >
          ▶ Play
        </button>
        {ids && (
          <button
            type="button"
            onClick={() => void playSimilar(ids)}
            title="A radio of tracks like these (Shift+Enter)"
          >
            Play similar
          </button>
        )}
      </ViewHeader>
      {waiting ? (
        <NotAnalysed onRetry={() => setAttempt((n) => n + 1)} />
      ) : (
        <TrackTable
          source={source}
          label={`Tracks similar to ${label}`}
          columns={COLUMNS}
          empty="Nothing in the library sounds like this yet."
        />
      )}
    </div>
  );
}
