import { z } from 'zod';
import { commands, isCommandName } from '../../../shared/contract.ts';
import { type Result, toErrorInfo } from '../../../shared/result.ts';
import type { Handlers } from './handlers.ts';
import { log } from '../log.ts';

/**
 * Every transport hands raw messages here. Nothing from outside the main process is
 * trusted: the command name and its input are checked before a handler sees them, and a
 * malformed message gets an error reply while the process carries on.
 */
export async function dispatch(handlers: Handlers, name: unknown, rawInput: unknown): Promise<Result<unknown>> {
  if (!isCommandName(name)) {
    return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: `Unknown command: ${String(name).slice(0, 100)}` } };
  }
  const parsed = commands[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'BAD_INPUT', message: `${name}: ${z.prettifyError(parsed.error)}` } };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: (await handler(parsed.data)) ?? null };
  } catch (err) {
    const error = toErrorInfo(err);
    if (error.code === 'INTERNAL') log.error(`tonearm: ${name} failed:`, err);
    return { ok: false, error };
  }
}
