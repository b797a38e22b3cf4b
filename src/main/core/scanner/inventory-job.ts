// Inventory + diff for one root, run in a worker thread so that neither the walk nor reading
// tens of thousands of fingerprints ever holds up the main process's event loop.
import type Database from 'better-sqlite3';
import { fingerprintsOf, libraryVersion } from '../catalog/fingerprints.ts';
import { openReadOnly } from '../catalog/open.ts';
import { diffInventory, judgeRoot, type Diff, type Fingerprint, type RootVerdict } from './diff.ts';
import type { SplitWalker } from './split-walk.ts';
import { folderCoverOf, isAudioFileName, walkLocal, walkNetwork, type FileStat } from './walk.ts';
import { statSync } from 'node:fs';
import { basename, dirname, sep } from 'node:path';

export interface InventoryInput {
  dbPath: string;
  rootId: number;
  rootPath: string;
  network: boolean;
  networkConcurrency: number;
  /** Only these files or folders (a watcher's changes); the whole root without. */
  paths?: string[];
  /** The user confirmed that a root which lost most of its files really did. */
  acceptLosses?: boolean;
}

export type InventoryOutcome =
  | { online: true; diff: Diff; folderCovers: Map<string, string>; filesFound: number }
  | { online: false; reason: string };

/**
 * The thread keeps the fingerprints it read, tagged with the library version: a rescan of an
 * unchanged library (the common case) walks the disk and reads nothing else from the catalog.
 */
class FingerprintCache {
  private db: Database.Database | null = null;
  private dbPath = '';
  private readonly byRoot = new Map<number, { version: number; known: Map<string, Fingerprint> }>();

  get(dbPath: string, rootId: number): Map<string, Fingerprint> {
    const db = this.open(dbPath);
    const version = libraryVersion(db);
    const cached = this.byRoot.get(rootId);
    if (cached && cached.version === version) return cached.known;
    const known = fingerprintsOf(db, rootId);
    this.byRoot.set(rootId, { version, known });
    return known;
  }

  private open(dbPath: string): Database.Database {
    if (this.db && this.dbPath === dbPath) return this.db;
    this.db?.close();
    this.byRoot.clear();
    this.db = openReadOnly(dbPath, 2_000);
    this.dbPath = dbPath;
    return this.db;
  }
}

const fingerprints = new FingerprintCache();

export async function runInventory(
  input: InventoryInput,
  walker: SplitWalker,
  onProgress: (filesSeen: number) => void,
): Promise<InventoryOutcome> {
  if (input.paths) return inventoryPaths(input, input.paths);
  const walk = input.network
    ? await walkNetwork(input.rootPath, input.networkConcurrency, onProgress)
    : await walker.walk(input.rootPath, onProgress);
  if (!walk.ok) return { online: false, reason: walk.reason };
  onProgress(walk.files.length);
  const known = fingerprints.get(input.dbPath, input.rootId);
  const diff = diffInventory(walk.files, known);
  let knownPresent = 0;
  for (const print of known.values()) if (!print.missing) knownPresent++;
  const verdict: RootVerdict = input.acceptLosses
    ? { online: true }
    : judgeRoot(walk.files.length, knownPresent, diff.missingIds.length);
  if (!verdict.online) return verdict;
  return { online: true, diff, folderCovers: walk.folderCovers, filesFound: walk.files.length };
}

/** A watcher's changed paths: each is a file, a folder (walked), or gone (its tracks are missing). */
function inventoryPaths(input: InventoryInput, paths: string[]): InventoryOutcome {
  if (!statSync(input.rootPath, { throwIfNoEntry: false })?.isDirectory()) {
    return { online: false, reason: `${input.rootPath} is not reachable` };
  }
  const files: FileStat[] = [];
  const folderCovers = new Map<string, string>();
  for (const path of paths) {
    const info = statSync(path, { bigint: true, throwIfNoEntry: false });
    if (info?.isDirectory()) {
      const walk = walkLocal(path);
      if (!walk.ok) continue;
      files.push(...walk.files);
      for (const [folder, cover] of walk.folderCovers) folderCovers.set(folder, cover);
    } else if (info?.isFile() && isAudioFileName(basename(path))) {
      files.push({ path, size: Number(info.size), mtimeNs: info.mtimeNs });
      const cover = folderCoverOf(dirname(path));
      if (cover) folderCovers.set(dirname(path), cover);
    }
  }
  const all = fingerprints.get(input.dbPath, input.rootId);
  const prefixes = paths.map((path) => path + sep);
  const known = new Map([...all].filter(([path]) => paths.includes(path) || prefixes.some((p) => path.startsWith(p))));
  return { online: true, diff: diffInventory(files, known), folderCovers, filesFound: files.length };
}
