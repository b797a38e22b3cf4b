// How a view that shows library version V learns what changed since: the next event carries
// exactly V+1 (apply it), or events were missed (a dropped socket, a sleeping window) and the
// main process's in-memory change log supplies the delta, or the view fell further behind
// than that log reaches and reloads.
import type { CommandInput, CommandName, CommandOutput } from '../../../../shared/contract.ts';
import type { LibraryChange } from '../../../../shared/domain.ts';

/** The contract's `call`, passed in so that this logic runs in tests without a browser. */
export type Call = <K extends CommandName>(name: K, input: CommandInput<K>) => Promise<CommandOutput<K>>;

export type CatchUp = { kind: 'current' } | { kind: 'delta'; changes: LibraryChange[] } | { kind: 'reload' };

export async function catchUp(call: Call, version: number, event: LibraryChange | null): Promise<CatchUp> {
  if (event && event.version <= version) return { kind: 'current' };
  if (event && event.version === version + 1) return { kind: 'delta', changes: [event] };
  const { changes } = await call('library.changesSince', { version });
  if (changes === null) return { kind: 'reload' };
  return changes.length === 0 ? { kind: 'current' } : { kind: 'delta', changes };
}
