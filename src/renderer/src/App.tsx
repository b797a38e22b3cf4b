import { useEffect } from 'react';
import { call, onEvent } from './bridge/api.ts';
import { FolderDrop } from './components/FolderDrop.tsx';
import { NowPlayingBar } from './components/NowPlayingBar.tsx';
import { ScanNotice } from './components/ScanNotice.tsx';
import { ScanProgressBar } from './components/ScanProgressBar.tsx';
import { Sidebar } from './components/Sidebar.tsx';
import { useLibraryFolders } from './stores/library-folders.ts';
import { useNavigation } from './stores/navigation.ts';
import { SettingsView } from './views/settings/SettingsView.tsx';
import { LibraryView } from './views/LibraryView.tsx';
import { PlaylistDialogs } from './views/playlists/PlaylistDialogs.tsx';

function MainPane() {
  const view = useNavigation((state) => state.view);
  return view === 'settings' ? <SettingsView /> : <LibraryView view={view} />;
}

export function App() {
  useEffect(
    () =>
      // The library views follow changes themselves (views/data/live.ts).
      onEvent('library.changed', (change) => {
        if (change.structural) void useLibraryFolders.getState().refresh();
      }),
    [],
  );
  useEffect(() => {
    // A damaged catalog: nothing but Settings → Library's restore offer can work.
    void call('catalog.status', {}).then((status) => {
      if (status.state === 'damaged') useNavigation.getState().go('settings');
    });
    // Reopened after a restore: every store holds the old catalog's ids, so start afresh.
    return onEvent('catalog.changed', () => window.location.reload());
  }, []);
  return (
    <div className="app">
      <Sidebar />
      <main className="main-pane">
        <ScanProgressBar />
        <ScanNotice />
        <MainPane />
      </main>
      <NowPlayingBar />
      <FolderDrop />
      <PlaylistDialogs />
    </div>
  );
}
