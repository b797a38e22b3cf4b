import { resolve } from 'node:path';
import { restoreCatalog } from '../core/catalog/backups.ts';
import { dataPaths } from '../core/paths.ts';
import { parse, UsageError } from './args.ts';

export async function restore(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { db: { type: 'string' } });
  if (positionals.length > 1) throw new UsageError(`unexpected argument: ${positionals[1]}`);
  // No catalog at all is a fine reason to restore: the file may be the one that was lost.
  const catalogFile = dataPaths(values.db).dbPath;
  const from = positionals[0] === undefined ? undefined : resolve(positionals[0]);
  const result = restoreCatalog(catalogFile, from);
  const kept = result.keptAt ? `; the catalog it replaced is kept at ${result.keptAt}` : '';
  process.stderr.write(`Restored ${catalogFile} from ${result.restoredFrom}${kept}\n`);
  process.stdout.write(`${catalogFile}\n`);
  return 0;
}
