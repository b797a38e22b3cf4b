import { openCatalog } from '../core/catalog/index.ts';
import { damaged, isCorruption } from '../core/catalog/integrity.ts';
import { queryTracks } from '../core/catalog/query-tracks.ts';
import { parseSort, queryTrackIds, SORT_HELP } from '../core/views/query-tracks.ts';
import { intOption, parse, requireCatalog, UsageError } from './args.ts';
import { errorMessage } from '../../shared/error-text.ts';

export async function query(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    db: { type: 'string' },
    search: { type: 'string' },
    sort: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  if (!values.json) throw new UsageError('query prints JSON only: add --json');
  const sort = parseSort(values.sort ?? 'artist');
  if (!sort) throw new UsageError(`--sort must be one of: ${SORT_HELP}`);
  const limit = intOption(values.limit, 'limit', 1, 10_000_000);
  // Only scan makes a catalog: a query on a mistyped path must say so, not leave an empty one there.
  const catalogFile = requireCatalog(values.db);
  // One query needs the catalog alone: no threads, no parser, no cache.
  const catalog = openCatalog(catalogFile);
  try {
    // The views' search language and orders; the rows themselves as the catalog spells them for the CLI.
    const ids = queryTrackIds(catalog.db, { search: values.search, sort }).slice(0, limit);
    process.stdout.write(`${JSON.stringify(queryTracks(catalog.db, ids))}\n`);
    return 0;
  } catch (err) {
    // SQLite's "database disk image is malformed" names neither the file nor the way out.
    throw isCorruption(err) ? damaged(catalogFile, errorMessage(err)) : err;
  } finally {
    catalog.close();
  }
}
