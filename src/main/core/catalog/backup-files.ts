// Where the catalog's backups live and what they are called: backups/ beside the catalog,
// catalog-2026-12-05-114500.sqlite (UTC), so the names sort as the dates do and a person
// browsing the folder can read them.
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CatalogBackup } from '../../../shared/catalog.ts';

export const backupsDir = (dbPath: string): string => join(dirname(dbPath), 'backups');

const stem = (dbPath: string) => basename(dbPath).replace(/\.sqlite$/, '');

export function ensureBackupsDir(dbPath: string): void {
  mkdirSync(backupsDir(dbPath), { recursive: true });
}

/** "2026-12-05-114500": the file-name form of a moment, in UTC. */
export function stamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', '-').replaceAll(':', '');
}

/** tag: why this one was made beyond the daily round (v1: before migrating from version 1). */
export function backupPathFor(dbPath: string, date: Date, tag?: string): string {
  return join(backupsDir(dbPath), `${stem(dbPath)}-${stamp(date)}${tag ? `-${tag}` : ''}.sqlite`);
}

const NAME = /^(.*)-(\d{4})-(\d\d)-(\d\d)-(\d\d)(\d\d)(\d\d)(?:-[a-z0-9]+)?\.sqlite$/;

/** This catalog's backups, newest first. Files half written (.partial) are not backups. */
export function listBackups(dbPath: string): CatalogBackup[] {
  let names: string[];
  try {
    names = readdirSync(backupsDir(dbPath));
  } catch {
    return [];
  }
  const backups: CatalogBackup[] = [];
  for (const name of names) {
    const match = NAME.exec(name);
    if (!match || match[1] !== stem(dbPath)) continue;
    const [, , y, mo, d, h, mi, s] = match;
    const path = join(backupsDir(dbPath), name);
    try {
      backups.push({ name, path, createdAt: Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!), bytes: statSync(path).size });
    } catch {
      // gone between the listing and the stat
    }
  }
  return backups.sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
}

/** Keeps the newest `keep`; returns what it removed. */
export function pruneBackups(dbPath: string, keep: number): string[] {
  const old = listBackups(dbPath).slice(keep);
  for (const backup of old) rmSync(backup.path, { force: true });
  return old.map((backup) => backup.path);
}
