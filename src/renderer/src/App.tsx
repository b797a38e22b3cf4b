import { useEffect } from 'react';
import { onEvent } from './bridge/api.ts';
import { FolderDrop } from './components/FolderDrop.tsx';
import { NowPlayingBar } from './components/NowPlayingBar.tsx';
import { ScanProgressBar } from './components/ScanProgressBar.tsx';
import { Sidebar } from './components/Sidebar.tsx';
import { useLibraryFolders } from './stores/library-folders.ts';
import { useNavigation } from './stores/navigation.ts';
import { SettingsView } from './views/settings/SettingsView.tsx';
import { LibraryView } from './views/LibraryView.tsx';

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
