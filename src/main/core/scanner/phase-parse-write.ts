// Scan phase 3–4: parse what changed (parser process) and write the results as they stream
// in, in short batches through the catalog's writer. Watches network roots for a share that
// went quiet. Every timer it starts is stopped before it returns or throws.
import { sep } from 'node:path';
import type { ParseResult } from '../../common/parse-protocol.ts';
import type { FileContext } from '../catalog/library-writer.ts';
import type { ParserHost } from '../parser-host/parser-host.ts';
import { markOffline, type Inventory, type RootPlan, type ScanContext } from './scan-context.ts';
import { shareAnswers } from './share-liveness.ts';
import { STALL_MS } from './walk.ts';

/** Resolves with the number of files found moved (their tracks kept, under the new path). */
export async function parseAndWrite(scan: ScanContext, inventory: Inventory, parser: ParserHost): Promise<number> {
  const { config, meter, signal, summary } = scan;
  const { plans, toParse, contexts } = inventory;
  meter.phase('parse', toParse.length, null);
  let batch: { result: ParseResult; context: FileContext }[] = [];
  let batchTimer: NodeJS.Timeout | null = null;
  let done = 0;
  // Batches go to the writer in order. The chain never rejects: the first failure (a full disk,
  // the writer thread gone) is kept, stops the parse, and is thrown once the phase has wound down.
  let writing = Promise.resolve();
  const stopped: { failure: { error: unknown } | null } = { failure: null };
  const stop = new AbortController();
  let moved = 0;
  const commit = () => {
    if (batchTimer) clearTimeout(batchTimer);
    batchTimer = null;
    if (batch.length === 0) return;
    const toWrite = batch;
    batch = [];
    writing = writing
      .then(async () => {
        if (stopped.failure) return;
        moved = (await scan.writes.writeBatch(toWrite)).moved;
        // Counted once committed, so a scan that stops reports what it saved.
        for (const { result, context } of toWrite) {
          if (!result.ok) summary.failed++;
          if (context.trackId === null) summary.added++;
          else summary.updated++;
        }
      })
      .catch((error: unknown) => {
        stopped.failure ??= { error };
        stop.abort();
      });
  };
  const planOf = (path: string) => plans.find((plan) => path.startsWith(`${plan.root.path}${sep}`));
  const giveUpOn = (plan: RootPlan, reason: string) => {
    if (!plan.online) return;
    markOffline(scan, plan, reason);
    parser.dropFolder(`${plan.root.path}${sep}`);
  };
  const stallWatch = watchForStalls(plans, giveUpOn);
  try {
    await parser.parse(
      toParse,
      (result) => {
        if (stopped.failure) return;
        done++;
        meter.update(done);
        const context = contexts.get(result.path)!;
        const plan = planOf(result.path);
        if (plan) plan.lastResultAt = Date.now();
        // A read failing on a share means the share, not the file: stop reading it.
        if (!result.ok && result.failure === 'gone') return;
        if (!result.ok && result.failure === 'io' && plan?.network) return giveUpOn(plan, result.error);
        batch.push({ result, context });
        if (batch.length >= config.batchSize) commit();
        else batchTimer ??= setTimeout(commit, config.batchMs);
      },
      AbortSignal.any([signal, stop.signal]),
    );
    commit();
  } finally {
    // A parse that throws must not leave the watchdog or a batch timer keeping a CLI process alive.
    clearInterval(stallWatch);
    if (batchTimer) clearTimeout(batchTimer);
    // What was handed to the writer is written (or has failed) before the phase ends.
    await writing;
  }
  if (stopped.failure) throw stopped.failure.error;
  return moved;
}

/**
 * A share that vanished mid-import does not fail its reads for many seconds: when a network
 * root has gone quiet, ask it something no cache can answer.
 */
function watchForStalls(plans: RootPlan[], giveUpOn: (plan: RootPlan, reason: string) => void): NodeJS.Timeout {
  for (const plan of plans) plan.lastResultAt = Date.now();
  let probing = false;
  return setInterval(() => {
    const quiet = plans.filter((plan) => plan.network && plan.online && Date.now() - plan.lastResultAt > STALL_MS);
    if (probing || quiet.length === 0) return;
    probing = true;
    void Promise.all(
      quiet.map(async (plan) => {
        if (await shareAnswers(plan.root.path)) plan.lastResultAt = Date.now();
        else giveUpOn(plan, 'The share stopped answering during the scan');
      }),
    ).finally(() => (probing = false));
  }, 1000);
}
