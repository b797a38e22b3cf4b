import { AnalysisSettings } from '../../similar/AnalysisSettings.tsx';
import { CacheSettings } from './CacheSettings.tsx';
import { CatalogBackups } from './CatalogBackups.tsx';
import { LibraryFolders } from './LibraryFolders.tsx';
import { LogFile } from './LogFile.tsx';
import { PlaybackSettings } from './PlaybackSettings.tsx';
import { ScanErrors } from './ScanErrors.tsx';
import { ScanSettings } from './ScanSettings.tsx';

/** The Settings pane: one section per room of the app. */
export function SettingsView() {
  return (
    <div className="settings">
      <LibraryFolders />
      <CatalogBackups />
      <ScanSettings />
      <PlaybackSettings />
      <CacheSettings />
      <AnalysisSettings />
      <ScanErrors />
      <LogFile />
    </div>
  );
}
