import { useEffect, useMemo, useState } from 'react';
import type { ArtistRow } from '../../../../shared/domain.ts';
import { call } from '../../bridge/api.ts';
import { useNavigation } from '../../stores/navigation.ts';
import { NameList } from '../common/NameList.tsx';
import { count, ViewHeader } from '../common/ViewHeader.tsx';
import { ListSource } from '../data/list-source.ts';
import { useLiveSource, useOpenSource, useShape } from '../data/live.ts';

type By = 'name' | 'trackCount';
const detail = (artist: ArtistRow) => `${count(artist.albumCount, 'album')} · ${count(artist.trackCount, 'track')}`;

/** Album artists: the people and bands whose albums these are. */
export function ArtistsView() {
  const [by, setBy] = useState<By>(() => (localStorage.getItem('tonearm.sort.artists') as By | null) ?? 'name');
  const source = useMemo(
    () => new ListSource<ArtistRow>(call, { kind: 'artists', sort: { field: by, desc: by === 'trackCount' } }),
    [by],
  );
  const open = useNavigation((state) => state.open);
  useEffect(() => localStorage.setItem('tonearm.sort.artists', by), [by]);
  useOpenSource(source);
  useLiveSource(source);
  return (
    <div className="view">
      <ViewHeader title="Artists" detail={source.status === 'ready' ? count(source.total, 'artist') : ''}>
        <label className="sort-select">
          Sort by{' '}
          <select value={by} onChange={(event) => setBy(event.target.value as By)}>
            <option value="name">Name</option>
            <option value="trackCount">Most tracks</option>
          </select>
        </label>
      </ViewHeader>
      <ArtistList source={source} onOpen={(artist) => open({ kind: 'artist', artistId: artist.id })} />
    </div>
  );
}

function ArtistList({ source, onOpen }: { source: ListSource<ArtistRow>; onOpen(artist: ArtistRow): void }) {
  useShape(source);
  if (source.status === 'ready' && source.total === 0) return <div className="empty-state">No artists yet.</div>;
  return <NameList source={source} label="Artists" detail={detail} onOpen={onOpen} />;
}
