// The contract as the renderer calls it: validated by dispatch, an error thrown with its code.
import { dispatch } from '../../../src/main/core/api/dispatch.ts';
import type { Handlers } from '../../../src/main/core/api/handlers.ts';
import type { CommandName, CommandOutput } from '../../../src/shared/contract.ts';

export function caller(handlers: () => Handlers) {
  return async <K extends CommandName>(name: K, input: unknown): Promise<CommandOutput<K>> => {
    const result = await dispatch(handlers(), name, input);
    if (!result.ok) throw Object.assign(new Error(`${result.error.code}: ${result.error.message}`), result.error);
    return result.value as CommandOutput<K>;
  };
}
