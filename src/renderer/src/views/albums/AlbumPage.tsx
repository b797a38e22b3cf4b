import { useCallback, useMemo } from 'react';
import type { LibraryChange } from '../../../../shared/domain.ts';
import type { AlbumPage as AlbumPageData } from '../../../../shared/views.ts';
import { call } from '../../bridge/api.ts';
import { formatDuration } from '../../components/format.ts';
import { useNavigation } from '../../stores/navigation.ts';
import { Cover } from '../common/Cover.tsx';
import { PageFallback } from '../common/PageFallback.tsx';
import { usePage } from '../common/use-page.ts';
import { count, ViewHeader } from '../common/ViewHeader.tsx';
import { StaticSource } from '../data/static-source.ts';
import { queueTracks } from '../play.ts';
import { TrackTable } from '../tracks/TrackTable.tsx';
import { playSimilar } from '../../similar/play-similar.ts';
import { showSimilarToAlbum } from '../../similar/show-similar.ts';

const COLUMNS = ['trackNo', 'title', 'artist', 'duration', 'format', 'playCount', 'rating'] as const;

/** Tracks of the album changed, or albums did (one could be this one, merged or renamed). */
const affects = (page: AlbumPageData, change: LibraryChange) =>
  change.structural || change.updated.some((id) => page.tracks.some((track) => track.id === id));

export function AlbumPage({ albumId }: { albumId: number }) {
  const load = useCallback(() => call('library.album', { albumId }), [albumId]);
  const { page, error } = usePage(load, affects, `album-${albumId}`);
  const open = useNavigation((state) => state.open);
  const source = useMemo(() => new StaticSource(page?.tracks ?? []), [page]);

  if (!page) return <PageFallback error={error} />;
  const { album, tracks } = page;
  return (
    <div className="view album-page">
      <ViewHeader title={album.title} />
      <div className="page-hero">
        <Cover hash={album.coverHash} title={album.title} />
        <div className="hero-text">
          <button
            type="button"
            className="link"
            onClick={() => open({ kind: 'artist', artistId: album.artistId })}
            title="Show the artist"
          >
            {album.albumArtist}
          </button>
          <div className="hero-facts">
            {[album.year, count(tracks.length, 'track'), formatDuration(album.durationS)].filter(Boolean).join(' · ')}
          </div>
          <div className="hero-actions">
            <button type="button" className="primary" onClick={() => void queueTracks('play', tracks)}>
              ▶ Play
            </button>
            <button type="button" onClick={() => void queueTracks('queue', tracks)}>
              Add to queue
            </button>
            <button
              type="button"
              onClick={() =>
                void playSimilar(
                  tracks.map((track) => track.id),
                  album.title,
                )
              }
            >
              Play similar
            </button>
            <button type="button" onClick={() => showSimilarToAlbum(album.id, album.title)}>
              More like this album
            </button>
          </div>
        </div>
      </div>
      <TrackTable source={source} label={`Tracks of ${album.title}`} columns={[...COLUMNS]} discHeadings />
    </div>
  );
}
