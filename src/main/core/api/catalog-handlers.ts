import type { CatalogStatus, RestoreResult } from '../../../shared/catalog.ts';
import { listBackups } from '../catalog/backup-files.ts';
import type { Core } from '../core.ts';
import type { Handlers } from './handlers.ts';

type CatalogCommands = 'catalog.status' | 'catalog.backups' | 'catalog.backup' | 'catalog.restore';

/** What the catalog commands need: a core that can be closed and opened again around a restore. */
export interface CatalogHolder {
  readonly dbPath: string;
  readonly core: Core | null;
  status(): CatalogStatus;
  restore(name?: string): Promise<RestoreResult>;
}

export function catalogHandlers(holder: CatalogHolder): Pick<Handlers, CatalogCommands> {
  return {
    'catalog.status': () => holder.status(),
    'catalog.backups': () => listBackups(holder.dbPath),
    'catalog.backup': () => holder.core!.backups.now(),
    'catalog.restore': ({ name }) => holder.restore(name),
  };
}
