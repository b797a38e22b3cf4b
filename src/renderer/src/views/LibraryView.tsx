import { lazy, Suspense, useEffect } from 'react';
import '../styles/views.css';
import { SmartPlaylistPage } from '../smart/SmartPlaylistPage.tsx';
import { useNavigation, type ViewName } from '../stores/navigation.ts';
import { AlbumPage } from './albums/AlbumPage.tsx';
import { AlbumsView } from './albums/AlbumsView.tsx';
import { ArtistPage } from './artists/ArtistPage.tsx';
import { ArtistsView } from './artists/ArtistsView.tsx';
import { FoldersView } from './folders/FoldersView.tsx';
import { GenrePage } from './genres/GenrePage.tsx';
import { GenresView } from './genres/GenresView.tsx';
import { RecentView } from './recent/RecentView.tsx';
import { PlaylistPage } from './playlists/PlaylistPage.tsx';
import { SearchView } from './search/SearchView.tsx';
import { SongsView } from './SongsView.tsx';

// The rules editor is opened now and then, never on the way to the first rows.
const SmartPlaylistEditor = lazy(() =>
  import('../smart/SmartPlaylistEditor.tsx').then((m) => ({ default: m.SmartPlaylistEditor })),
);
const SimilarPage = lazy(() => import('../similar/SimilarPage.tsx').then((m) => ({ default: m.SimilarPage })));

/** The library's views and the pages opened from them (an album, an artist, a genre). */
export function LibraryView({ view }: { view: ViewName }) {
  const page = useNavigation((state) => state.page);
  const back = useNavigation((state) => state.back);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && event.key === 'ArrowLeft') {
        event.preventDefault();
        back();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [back]);

  if (page?.kind === 'album') return <AlbumPage key={page.albumId} albumId={page.albumId} />;
  if (page?.kind === 'artist') return <ArtistPage key={page.artistId} artistId={page.artistId} />;
  if (page?.kind === 'playlist') return <PlaylistPage key={page.playlistId} playlistId={page.playlistId} />;
  if (page?.kind === 'genre') return <GenrePage key={page.genreId} genreId={page.genreId} name={page.name} />;
  if (page?.kind === 'smart') return <SmartPlaylistPage key={page.playlistId} playlistId={page.playlistId} />;
  if (page?.kind === 'similar')
    return (
      <Suspense fallback={null}>
        <SimilarPage key={`${page.albumId}-${page.ids?.join(',')}`} {...page} />
      </Suspense>
    );
  if (page?.kind === 'smartEditor')
    return (
      <Suspense fallback={null}>
        <SmartPlaylistEditor key={page.playlistId} playlistId={page.playlistId} />
      </Suspense>
    );
  switch (view) {
    case 'albums':
      return <AlbumsView />;
    case 'artists':
      return <ArtistsView />;
    case 'genres':
      return <GenresView />;
    case 'folders':
      return <FoldersView />;
    case 'recent':
      return <RecentView />;
    case 'search':
      return <SearchView />;
    default:
      return <SongsView />;
  }
}
