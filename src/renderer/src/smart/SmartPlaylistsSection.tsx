// The sidebar's smart playlists until its playlists section lists them with the rest.
import { useNavigation } from '../stores/navigation.ts';
import { NewSmartPlaylistButton } from './NewSmartPlaylistButton.tsx';
import { useSmartPlaylists } from './use-smart-playlists.ts';
import '../styles/smart.css';

export function SmartPlaylistsSection() {
  const playlists = useSmartPlaylists();
  const page = useNavigation((state) => state.page);
  const open = useNavigation((state) => state.open);
  return (
    <section className="smart-section" aria-labelledby="smart-playlists-heading">
      <h2 id="smart-playlists-heading">Smart playlists</h2>
      <ul>
        {playlists.map((playlist) => {
          const active = page?.kind === 'smart' && page.playlistId === playlist.id;
          return (
            <li key={playlist.id}>
              <button
                type="button"
                className={active ? 'nav-item active' : 'nav-item'}
                aria-current={active ? 'page' : undefined}
                title={playlist.smartQuery ?? undefined}
                onClick={() => open({ kind: 'smart', playlistId: playlist.id })}
              >
                {playlist.name}
              </button>
            </li>
          );
        })}
        <li>
          <NewSmartPlaylistButton />
        </li>
      </ul>
    </section>
  );
}
