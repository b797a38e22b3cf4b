// Scan phase 1–2: inventory and diff, root by root (in the inventory thread), into the list
// of files to parse and what each of them already is in the catalog.
import { sep } from 'node:path';
import type { FileContext } from '../catalog/library-writer.ts';
import type { RootRecord } from '../catalog/roots.ts';
import { detectRootKind, readMountTable } from '../roots/mount-table.ts';
import type { InventoryThread } from './inventory-worker.ts';
import { unpackFiles } from './pack-files.ts';
import { markOffline, type Inventory, type RootPlan, type ScanContext } from './scan-context.ts';

export async function takeInventory(
  scan: ScanContext,
  roots: readonly RootRecord[],
  inventory: InventoryThread,
): Promise<Inventory> {
  const { request, config, meter, signal, summary } = scan;
  const mounts = await readMountTable();
  const result: Inventory = { plans: [], toParse: [], contexts: new Map<string, FileContext>(), returned: [] };
  let seenBefore = 0;
  for (const root of roots) {
    const kind = detectRootKind(root.path, mounts);
    if (kind !== root.kindDetected) await scan.writes.setRootKindDetected(root.id, kind);
    const network = (root.kindOverride ?? kind) === 'network';
    const plan: RootPlan = { lastResultAt: 0, root, network, missingIds: [], filesFound: 0, online: true };
    result.plans.push(plan);
    meter.phase('inventory', 0, root.path);
    const outcome = await inventory.run(
      {
        dbPath: scan.catalog.path,
        rootId: root.id,
        rootPath: root.path,
        network,
        networkConcurrency: config.networkConcurrency,
        paths: request.paths?.filter((path) => path.startsWith(`${root.path}${sep}`)),
        acceptLosses: request.acceptLosses,
      },
      (filesSeen) => meter.update(seenBefore + filesSeen),
      signal,
    );
    if (!outcome) break;
    if (!outcome.online) {
      markOffline(scan, plan, outcome.reason);
      continue;
    }
    await scan.rootStatus.report(root.id, true, null);
    const { diff, folderCovers } = outcome;
    seenBefore += outcome.filesFound;
    plan.filesFound = outcome.filesFound;
    plan.missingIds = diff.missingIds;
    summary.unchanged += diff.unchanged;
    result.returned.push(...diff.returnedIds);
    const changed = function* () {
      for (const file of unpackFiles(outcome.added)) yield { file, trackId: null, hadError: false };
      for (const file of diff.modified) yield { file, trackId: file.id, hadError: file.failed };
    };
    let index = 0;
    for (const { file, trackId, hadError } of changed()) {
      // Tens of thousands of new files: let the event loop breathe between slices.
      if (++index % 4000 === 0) await new Promise((resolve) => setImmediate(resolve));
      result.contexts.set(file.path, { rootId: root.id, size: file.size, mtimeNs: file.mtimeNs, trackId, hadError });
      const folder = file.path.slice(0, file.path.lastIndexOf(sep));
      result.toParse.push({ path: file.path, size: file.size, network, folderCover: folderCovers.get(folder) ?? null });
    }
  }
  return result;
}
