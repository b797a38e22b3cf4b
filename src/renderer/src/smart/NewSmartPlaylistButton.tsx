import { useNavigation } from '../stores/navigation.ts';

/** Opens the rules editor for a new smart playlist: for the sidebar's playlists `+` menu too. */
export function NewSmartPlaylistButton({ className = 'nav-item' }: { className?: string }) {
  const open = useNavigation((state) => state.open);
  return (
    <button type="button" className={className} onClick={() => open({ kind: 'smartEditor', playlistId: null })}>
      New smart playlist…
    </button>
  );
}
