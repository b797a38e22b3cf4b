import { useCallback, useState } from 'react';
import type { LibraryChange } from '../../../../shared/domain.ts';
import { call } from '../../bridge/api.ts';
import { AlbumCard } from '../albums/AlbumCard.tsx';
import { PageFallback } from '../common/PageFallback.tsx';
import { usePage } from '../common/use-page.ts';
import { count, ViewHeader } from '../common/ViewHeader.tsx';
import { TrackTable } from '../tracks/TrackTable.tsx';
import { useTrackList } from '../tracks/use-track-list.ts';
import { playFrom } from '../play.ts';

const affects = (_page: unknown, change: LibraryChange) => change.structural;

/** An album artist: their albums (oldest first), or all their songs. */
export function ArtistPage({ artistId }: { artistId: number }) {
  const load = useCallback(() => call('library.artist', { artistId }), [artistId]);
  const { page, error } = usePage(load, affects, `artist-${artistId}`);
  const [tab, setTab] = useState<'albums' | 'songs'>('albums');
  const songs = useTrackList({ type: 'artist', artistId }, 'artist', { field: 'albumArtist', desc: false });
  const { list } = songs;

  if (!page) return <PageFallback error={error} />;
  const { artist, albums } = page;
  return (
    <div className="view artist-page">
      <ViewHeader
        title={artist.name || 'Unknown artist'}
        detail={`${count(artist.albumCount, 'album')} · ${count(artist.trackCount, 'track')}`}
      >
        <button type="button" className="primary" onClick={() => void playFrom(list, 0)} disabled={list.total === 0}>
          ▶ Play all
        </button>
        <div className="tabs" role="tablist">
          {(['albums', 'songs'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              className={tab === name ? 'tab active' : 'tab'}
              onClick={() => setTab(name)}
            >
              {name === 'albums' ? 'Albums' : 'Songs'}
            </button>
          ))}
        </div>
      </ViewHeader>
      {tab === 'albums' ? (
        <div className="album-wrap" role="list" aria-label={`Albums by ${artist.name}`}>
          {albums.map((album) => (
            <AlbumCard key={album.id} album={album} showArtist={false} />
          ))}
        </div>
      ) : (
        <TrackTable source={list} label={`Songs by ${artist.name}`} sort={songs.sort} onSort={songs.setSort} />
      )}
    </div>
  );
}
