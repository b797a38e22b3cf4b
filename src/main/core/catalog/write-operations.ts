// Every write to the catalog, in one place: the writer thread runs these and nothing else
// writes the file, so the change log has one appender and changes are announced in the order
// they committed. A new write is one more method here; the caller's proxy has it at once.
import type Database from 'better-sqlite3';
import type { RootKind } from '../../../shared/domain.ts';
import type { SettingKey } from '../../../shared/settings.ts';
import { cacheWrites } from './cache-writes.ts';
import { ChangeLog } from './changes.ts';
import { PlayStatsWrites } from './play-stats.ts';
import { playlistWrites } from './playlists.ts';
import { RootWrites } from './roots.ts';
import { scanWrites } from './scan-writes.ts';
import { SettingsWrites } from './settings.ts';
import { vectorWrites } from './vector-writes.ts';

export function writeOperations(db: Database.Database) {
  const changes = new ChangeLog(db);
  const roots = new RootWrites(db);
  const settings = new SettingsWrites(db);
  const plays = new PlayStatsWrites(db, changes);
  /** Roots, albums or availability changed: the views refetch whole. */
  const structural = <T>(write: () => T) =>
    db.transaction(() => {
      const value = write();
      changes.appendStructural();
      return value;
    })();
  return {
    ...scanWrites(db, changes),
    ...cacheWrites(db),
    ...playlistWrites(db, changes),
    ...vectorWrites(db),
    addRoot: (path: string, kind: RootKind) => structural(() => roots.add(path, kind)),
    removeRoot: (id: number) => structural(() => roots.remove(id)),
    setRootWatch: (id: number, watch: boolean) => structural(() => roots.setWatch(id, watch)),
    setRootKindOverride: (id: number, kind: RootKind | null) => structural(() => roots.setKindOverride(id, kind)),
    setRootKindDetected: (id: number, kind: RootKind) => roots.setKindDetected(id, kind),
    setRootOnline: (id: number, online: boolean, reason: string | null) =>
      structural(() => roots.setOnline(id, online, reason)),
    recordRootScan: (id: number, fileCount: number) => roots.recordScan(id, fileCount),
    saveSetting: (key: SettingKey, value: unknown) => settings.save(key, value),
    saveState: (key: string, value: unknown) => settings.saveState(key, value),
    recordPlay: (trackId: number, at: number) => plays.recordPlay(trackId, at),
    recordSkip: (trackId: number) => plays.recordSkip(trackId),
    setRating: (trackIds: readonly number[], rating: number | null) => plays.setRating(trackIds, rating),
    announceStructural: () => structural(() => null),
    /** The changes the last operation committed; the thread hands them over with its answer. */
    takeAppended: () => changes.takeAppended(),
  };
}
export type WriteOperations = ReturnType<typeof writeOperations>;
