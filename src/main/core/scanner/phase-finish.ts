// Scan phase 5: what the walk did not find is missing (only on roots whose walk was complete
// and that are still online), long-missing tracks go, and each root records its scan.
import type { Inventory, ScanContext } from './scan-context.ts';

export async function finishScan(scan: ScanContext, inventory: Inventory): Promise<void> {
  const { config, summary } = scan;
  const online = inventory.plans.filter((plan) => plan.online);
  scan.meter.phase('write', 0, null);
  const purgeBefore = Date.now() - config.purgeMissingAfterDays * 86_400_000;
  const done = await scan.writes.finishScan(
    online.flatMap((plan) => plan.missingIds),
    purgeBefore,
    summary.updated + summary.moved > 0,
  );
  summary.missing = done.missingCount;
  summary.removed = done.removedCount;
  for (const plan of online) await scan.writes.recordRootScan(plan.root.id, plan.filesFound);
}
