import { useEffect } from 'react';
import { onEvent } from './bridge/api.ts';
import { FolderDrop } from './components/FolderDrop.tsx';
import { NowPlayingBar } from './components/NowPlayingBar.tsx';
import { ScanProgressBar } from './components/ScanProgressBar.tsx';
import { Sidebar } from './components/Sidebar.tsx';
import { useLibraryFolders } from './stores/library-folders.ts';
import { useNavigation } from './stores/navigation.ts';
import { useSongs } from './stores/songs.ts';
import { SettingsView } from './views/settings/SettingsView.tsx';
import { SongsView } from './views/SongsView.tsx';

function MainPane() {
  const view = useNavigation((state) => state.view);
  switch (view) {
    case 'songs':
      return <SongsView />;
    case 'settings':
      return <SettingsView />;
    default:
      return <div className="empty-state">This view is not built yet.</div>;
  }
}

export function App() {
  useEffect(
    () =>
      onEvent('library.changed', (change) => {
        void useSongs.getState().reload();
        if (change.structural) void useLibraryFolders.getState().refresh();
      }),
    [],
  );
  return (
    <div className="app">
      <Sidebar />
      <main className="main-pane">
        <ScanProgressBar />
        <MainPane />
      </main>
            <NowPlayingBar />
      <FolderDrop />
    </div>
  );
}
