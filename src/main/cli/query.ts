import { Core } from '../core/core.ts';
import { queryTracks, QUERY_SORTS, searchTrackIds, type QueryTrack } from '../core/catalog/query-tracks.ts';
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
  const sort = values.sort ?? 'artist';
  if (!QUERY_SORTS.includes(sort)) throw new UsageError(`--sort must be one of: ${QUERY_SORTS.join(', ')}`);
  const limit = intOption(values.limit, 'limit', 1, 10_000_000);
  const core = new Core({ dbPath: values.db, host: 'browser', version: VERSION, parserEntry: parserEntry() });
  try {
    const ids = values.search === undefined ? undefined : searchTrackIds(core.catalog.db, values.search);
    const tracks: QueryTrack[] = queryTracks(core.catalog.db, { ids, sort, limit });
    process.stdout.write(`${JSON.stringify(tracks)}\n`);
    return 0;
  } finally {
    await core.close();
  }
}
