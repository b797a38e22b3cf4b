// `node bench/views/playlists.ts [--tracks N]`: the playlist figures of `npm run bench:views`
// on their own, on the same cached catalog (built first if need be).
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createHandlers } from '../../src/main/core/api/create-handlers.ts';
import { dispatch } from '../../src/main/core/api/dispatch.ts';
import type { CommandInput, CommandName, CommandOutput } from '../../src/shared/contract.ts';
import { unwrap } from '../../src/shared/result.ts';
import { testCore } from '../../test/support/core.ts';
import { machineLine } from '../support/machine.ts';
import { catalogPath, defaultBenchDir, ensureCatalog } from './catalog.ts';
import { row, TABLE_HEAD } from './main-figures.ts';
import { playlistFigures } from './playlist-figures.ts';

const { values } = parseArgs({ options: { tracks: { type: 'string', default: '250000' } } });
const dir = defaultBenchDir();
mkdirSync(dir, { recursive: true });
const dbPath = catalogPath(dir, values.tracks);
const built = await ensureCatalog({ dbPath, tracks: Number(values.tracks) });
if (built.built) console.error(`built the catalog in ${Math.round(built.ms / 1000)} s`);

const core = testCore(dbPath, { workers: 1 });
const handlers = createHandlers(core);
const call = async <K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> =>
  unwrap(await dispatch(handlers, name, input)) as CommandOutput<K>;
const figures = await playlistFigures(core, call);
await core.close();

console.log(`### ${machineLine()}\n`);
console.log(TABLE_HEAD[0]);
console.log(TABLE_HEAD[1]);
for (const figure of figures) console.log(row(figure));
