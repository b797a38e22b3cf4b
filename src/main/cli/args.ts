import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

export const USAGE = `Usage:
  tonearm scan DIR... [--db FILE] [--workers N] [--json]
  tonearm query [--db FILE] [--search TEXT] [--sort FIELD] [--limit N] --json
  tonearm serve [--db FILE] [--port N]`;

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}
