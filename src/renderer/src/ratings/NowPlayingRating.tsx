// The playing track's stars. The player holds the row it started with, so a rating changed
// here or anywhere else (a table, another window) is read back when the library says so.
import { useCallback, useState } from 'react';
import type { LibraryChange } from '../../../shared/domain.ts';
import { call } from '../bridge/api.ts';
import { usePlayer } from '../stores/player.ts';
import { useLibraryChanges } from '../views/data/live.ts';
import { rateTracks } from './rate.ts';
import { StarRating } from './StarRating.tsx';

export function NowPlayingRating() {
  const current = usePlayer((state) => state.current);
  const [fresh, setFresh] = useState<{ id: number; rating: number | null } | null>(null);
  const id = current?.id ?? null;

  const onChange = useCallback(
    (change: LibraryChange | null) => {
      if (id === null || (change && !change.updated.includes(id))) return;
      void call('library.tracksByIds', { ids: [id] }).then(([row]) => {
        if (row) setFresh({ id: row.id, rating: row.rating });
      });
    },
    [id],
  );
  useLibraryChanges(onChange);

  if (!current) return null;
  const rating = fresh?.id === current.id ? fresh.rating : current.rating;
  return (
    <div className="np-rating" data-testid="now-playing-rating">
      <StarRating rating={rating} onRate={(stars) => void rateTracks([current.id], stars)} />
    </div>
  );
}
