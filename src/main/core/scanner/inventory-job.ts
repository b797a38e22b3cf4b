// Inventory + diff for one root, run in a worker thread so that neither the walk nor reading
// tens of thousands of fingerprints ever holds up the main process's event loop.
import Database from 'better-sqlite3';
import { diffInventory, judgeRoot, type Diff, type Fingerprint, type RootVerdict } from './diff.ts';
import { walkLocal, walkNetwork } from './walk.ts';

export interface InventoryInput {
  dbPath: string;
  rootId: number;
  rootPath: string;
  network: boolean;
  networkConcurrency: number;
}

export type InventoryOutcome =
  | { online: true; diff: Diff; folderCovers: Map<string, string>; filesFound: number }
  | { online: false; reason: string };

function loadFingerprints(dbPath: string, rootId: number): Map<string, Fingerprint> {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT t.id, t.path, t.size, t.mtime_ns AS mtimeNs, t.missing_since IS NOT NULL AS missing,
                EXISTS (SELECT 1 FROM scan_errors e WHERE e.path = t.path) AS failed
         FROM tracks t WHERE t.root_id = ?`,
      )
      .safeIntegers(true)
      .raw(true)
      .all(rootId) as [bigint, string, bigint, bigint, bigint, bigint][];
    const known = new Map<string, Fingerprint>();
    for (const [id, path, size, mtimeNs, missing, failed] of rows) {
      known.set(path, { id: Number(id), size: Number(size), mtimeNs, missing: missing === 1n, failed: failed === 1n });
    }
    return known;
  } finally {
    db.close();
  }
}

export async function runInventory(
  input: InventoryInput,
  onProgress: (filesSeen: number) => void,
): Promise<InventoryOutcome> {
  const walk = input.network
    ? await walkNetwork(input.rootPath, input.networkConcurrency, onProgress)
    : walkLocal(input.rootPath, onProgress);
  if (!walk.ok) return { online: false, reason: walk.reason };
  onProgress(walk.files.length);
  const known = loadFingerprints(input.dbPath, input.rootId);
  const diff = diffInventory(walk.files, known);
  const knownPresent = [...known.values()].filter((print) => !print.missing).length;
  const verdict: RootVerdict = judgeRoot(walk.files.length, knownPresent, diff.missingIds.length);
  if (!verdict.online) return verdict;
  return { online: true, diff, folderCovers: walk.folderCovers, filesFound: walk.files.length };
}
