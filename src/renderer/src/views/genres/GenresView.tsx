import { useMemo } from 'react';
import type { GenreRow } from '../../../../shared/domain.ts';
import { call } from '../../bridge/api.ts';
import { useNavigation } from '../../stores/navigation.ts';
import { NameList } from '../common/NameList.tsx';
import { count, ViewHeader } from '../common/ViewHeader.tsx';
import { ListSource } from '../data/list-source.ts';
import { useLiveSource, useOpenSource, useShape } from '../data/live.ts';

const detail = (genre: GenreRow) => count(genre.trackCount, 'track');

export function GenresView() {
  const source = useMemo(
    () => new ListSource<GenreRow>(call, { kind: 'genres', sort: { field: 'name', desc: false } }),
    [],
  );
  const open = useNavigation((state) => state.open);
  useOpenSource(source);
  useLiveSource(source);
  useShape(source);
  return (
    <div className="view">
      <ViewHeader title="Genres" detail={source.status === 'ready' ? count(source.total, 'genre') : ''} />
      {source.status === 'ready' && source.total === 0 ? (
        <div className="empty-state">No genres tagged yet.</div>
      ) : (
        <NameList
          source={source}
          label="Genres"
          detail={detail}
          onOpen={(genre) => open({ kind: 'genre', genreId: genre.id, name: genre.name })}
        />
      )}
    </div>
  );
}
