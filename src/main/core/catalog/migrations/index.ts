// Every schema version, oldest first. A new version is a new file here; never edit a shipped one.
import * as initial from './001-initial.ts';
import * as searchBacklog from './002-search-backlog.ts';
import * as playlists from './003-playlists.ts';
import * as similarity from './004-similarity.ts';

export interface Migration {
  version: number;
  sql: string;
}

export const migrations: Migration[] = [initial, searchBacklog, playlists, similarity];
export const currentVersion = migrations.at(-1)?.version ?? 0;
