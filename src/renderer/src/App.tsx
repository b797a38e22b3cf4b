import { lazy, Suspense, useEffect } from 'react';
import { call, onEvent } from './bridge/api.ts';
import { FolderDrop } from './components/FolderDrop.tsx';
import { NowPlayingBar } from './components/NowPlayingBar.tsx';
import { ScanNotice } from './components/ScanNotice.tsx';
import { ScanProgressBar } from './components/ScanProgressBar.tsx';
import { Sidebar } from './components/Sidebar.tsx';
import { useLibraryFolders } from './stores/library-folders.ts';
import { useNavigation } from './stores/navigation.ts';
import { LibraryView } from './views/LibraryView.tsx';
import { usePlaylistDialog } from './views/playlists/dialogs.ts';
import { useTagDialog } from './views/tags/tag-dialog.ts';

// Neither is on the way to the first rows: each is loaded the first time it is opened, so a
// cold start reads and compiles only the library views.
const SettingsView = lazy(() => import('./views/settings/SettingsView.tsx').then((m) => ({ default: m.SettingsView })));
const PlaylistDialogs = lazy(() =>
  import('./views/playlists/PlaylistDialogs.tsx').then((m) => ({ default: m.PlaylistDialogs })),
);
const TagEditorDialog = lazy(() =>
  import('./views/tags/TagEditorDialog.tsx').then((m) => ({ default: m.TagEditorDialog })),
);

function MainPane() {
  const view = useNavigation((state) => state.view);
  return view === 'settings' ? (
    <Suspense fallback={null}>
      <SettingsView />
    </Suspense>
  ) : (
    <LibraryView view={view} />
  );
}

function Dialogs() {
  const open = usePlaylistDialog((state) => state.dialog !== null);
  const tags = useTagDialog((state) => state.trackIds !== null);
  return (
    <Suspense fallback={null}>
      {open && <PlaylistDialogs />}
      {tags && <TagEditorDialog />}
    </Suspense>
  );
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
      <Dialogs />
    </div>
  );
}
