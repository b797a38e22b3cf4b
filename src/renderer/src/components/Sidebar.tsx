import { useNavigation, type ViewName } from '../stores/navigation.ts';
import { PlaylistSection } from '../views/playlists/PlaylistSection.tsx';
import { SearchBox } from '../views/search/SearchBox.tsx';

const ITEMS: { view: ViewName; label: string }[] = [
  { view: 'songs', label: 'Songs' },
  { view: 'albums', label: 'Albums' },
  { view: 'artists', label: 'Artists' },
  { view: 'genres', label: 'Genres' },
  { view: 'folders', label: 'Folders' },
  { view: 'recent', label: 'Recently added' },
  { view: 'settings', label: 'Settings' },
];

export function Sidebar() {
  const { view, page, go } = useNavigation();
  // A playlist open: its sidebar entry is the current one, not the view it was opened over.
  const current = page?.kind === 'playlist' ? null : view;
  return (
    <nav className="sidebar" aria-label="Library">
      <div className="brand">Tonearm</div>
      <SearchBox />
      <ul>
        {ITEMS.map((item) => (
          <li key={item.view}>
            <button
              type="button"
              className={item.view === current ? 'nav-item active' : 'nav-item'}
              aria-current={item.view === current ? 'page' : undefined}
              onClick={() => go(item.view)}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ul>
      <PlaylistSection />
    </nav>
  );
}
