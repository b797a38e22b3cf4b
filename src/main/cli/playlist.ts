// `tonearm playlist list | export | import`: list and export read the catalog alone; import
// writes, so it goes through a Core's writer thread like the app's command does.
import type { PlaylistFolder, PlaylistSummary } from '../../shared/domain.ts';
import { createHandlers } from '../core/api/create-handlers.ts';
import { openCatalog } from '../core/catalog/index.ts';
import { damaged, isCorruption } from '../core/catalog/integrity.ts';
import { Core } from '../core/core.ts';
import { exportPlaylist } from '../core/playlists/export.ts';
import { parse, requireCatalog, UsageError } from './args.ts';
import { parserEntry } from './entries.ts';
import { VERSION } from './version.ts';
import { errorMessage } from '../../shared/error-text.ts';

const FORMATS = ['m3u8', 'pls', 'xspf'] as const;

export async function playlist(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'list') return list(rest);
  if (sub === 'export') return exportTo(rest);
  if (sub === 'import') return importFrom(rest);
  throw new UsageError(sub ? `unknown playlist command: ${sub}` : 'playlist needs list, export or import');
}

function readCatalog<T>(db: string | undefined, read: (catalog: ReturnType<typeof openCatalog>) => T): T {
  // Only scan makes a catalog: a mistyped --db must say so, not leave an empty one there.
  const catalogFile = requireCatalog(db);
  const catalog = openCatalog(catalogFile);
  try {
    return read(catalog);
  } catch (err) {
    throw isCorruption(err) ? damaged(catalogFile, errorMessage(err)) : err;
  } finally {
    catalog.close();
  }
}

async function list(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { db: { type: 'string' }, json: { type: 'boolean', default: false } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  const { folders, playlists } = readCatalog(values.db, (catalog) => ({
    folders: catalog.playlists.folders(),
    playlists: catalog.playlists.list(),
  }));
  if (values.json) process.stdout.write(`${JSON.stringify({ folders, playlists })}\n`);
  else for (const line of listLines(folders, playlists)) process.stdout.write(`${line}\n`);
  return 0;
}

/** "ID  Folder/Sub/Name  (N entries, M missing)", one a line, in sidebar order. */
function listLines(folders: PlaylistFolder[], playlists: PlaylistSummary[]): string[] {
  const byId = new Map(folders.map((folder) => [folder.id, folder]));
  const folderPath = (id: number | null): string => {
    const folder = id === null ? undefined : byId.get(id);
    return folder ? `${folderPath(folder.parentId)}${folder.name}/` : '';
  };
  return playlists.map((p) => {
    const missing = p.missingCount > 0 ? `, ${p.missingCount} missing` : '';
    const smart = p.smartQuery !== null ? `, smart: ${p.smartQuery}` : '';
    return `${p.id}\t${folderPath(p.folderId)}${p.name}\t(${p.entryCount} entries${missing}${smart})`;
  });
}

async function exportTo(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { db: { type: 'string' }, format: { type: 'string' } });
  const [idText, file, extra] = positionals;
  if (!idText || !file) throw new UsageError('playlist export needs a playlist ID and a FILE');
  if (extra) throw new UsageError(`unexpected argument: ${extra}`);
  const id = Number(idText);
  if (!Number.isSafeInteger(id) || id < 1)
    throw new UsageError(`the playlist ID must be a whole number, not ${idText}`);
  const format = values.format as (typeof FORMATS)[number] | undefined;
  if (format !== undefined && !FORMATS.includes(format))
    throw new UsageError(`--format must be one of: ${FORMATS.join(', ')}`);
  const entries = readCatalog(values.db, (catalog) => {
    if (!catalog.playlists.get(id)) throw new Error(`No playlist ${id} (tonearm playlist list shows them)`);
    return catalog.playlists.entries(id);
  });
  const written = await exportPlaylist(entries, file, format);
  process.stdout.write(`${written.path}\n`);
  return 0;
}

async function importFrom(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    db: { type: 'string' },
    name: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const [file, extra] = positionals;
  if (!file) throw new UsageError('playlist import needs a FILE');
  if (extra) throw new UsageError(`unexpected argument: ${extra}`);
  const catalogFile = requireCatalog(values.db);
  const core = new Core({ dbPath: catalogFile, host: 'browser', version: VERSION, parserEntry: parserEntry() });
  try {
    const result = await createHandlers(core)['playlists.import']({ path: file, name: values.name });
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      const { playlist: p, matched, unmatched } = result;
      process.stdout.write(
        `${p.id}\t${p.name}\t${p.entryCount} entries: ${matched.path} by path, ${matched.tail} by path end, ` +
          `${matched.tags} by tags, ${unmatched} kept as missing\n`,
      );
    }
    return 0;
  } finally {
    await core.close();
  }
}
