import { existsSync } from 'node:fs';
import { Core } from '../core/core.ts';
import { dataPaths } from '../core/paths.ts';
import { queryTracks } from '../core/catalog/query-tracks.ts';
import { parseSort, queryTrackIds, SORT_HELP } from '../core/views/query-tracks.ts';
import { intOption, parse, UsageError } from './args.ts';
import { parserEntry } from './entries.ts';
import { VERSION } from './version.ts';

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
  const catalogFile = dataPaths(values.db).dbPath;
  if (!existsSync(catalogFile)) throw new Error(`No catalog at ${catalogFile}: \`tonearm scan DIR\` makes one`);
  const core = new Core({ dbPath: values.db, host: 'browser', version: VERSION, parserEntry: parserEntry() });
  try {
    // The views' search language and orders; the rows themselves as the catalog spells them for the CLI.
    const ids = queryTrackIds(core.catalog.db, { search: values.search, sort }).slice(0, limit);
    process.stdout.write(`${JSON.stringify(queryTracks(core.catalog.db, ids))}\n`);
    return 0;
  } finally {
    await core.close();
  }
}
