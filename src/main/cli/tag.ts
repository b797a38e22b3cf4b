// `tonearm tag set | show`: tag edits for scripts, through a Core like the app's (the tags
// thread writes the files, the writer thread the catalog), so the library follows at once.
import { resolve } from 'node:path';
import type { CoverChange, TagChanges, TagEditorState } from '../../shared/tags.ts';
import { Core } from '../core/core.ts';
import { intOption, parse, requireCatalog, UsageError } from './args.ts';
import { parserEntry } from './entries.ts';
import { VERSION } from './version.ts';

const SELECTION = {
  db: { type: 'string' },
  id: { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

const FIELDS = {
  title: { type: 'string' },
  artist: { type: 'string' },
  album: { type: 'string' },
  'album-artist': { type: 'string' },
  track: { type: 'string' },
  'track-total': { type: 'string' },
  disc: { type: 'string' },
  'disc-total': { type: 'string' },
  year: { type: 'string' },
  genre: { type: 'string', multiple: true },
  composer: { type: 'string' },
  comment: { type: 'string' },
  compilation: { type: 'string' },
  cover: { type: 'string' },
  'remove-cover': { type: 'boolean' },
  number: { type: 'boolean' },
} as const;

export async function tag(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'set') return set(rest);
  if (sub === 'show') return show(rest);
  throw new UsageError(sub ? `unknown tag command: ${sub}` : 'tag needs set or show');
}

async function show(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, SELECTION);
  return withCore(values.db, async (core) => {
    const state = await core.tags.read(selection(core, positionals, values.id));
    if (values.json) process.stdout.write(`${JSON.stringify(state)}\n`);
    else for (const line of stateLines(state)) process.stdout.write(`${line}\n`);
    for (const refused of state.refused) process.stderr.write(`${refused.message}\n`);
    return state.refused.length > 0 ? 1 : 0;
  });
}

async function set(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { ...SELECTION, ...FIELDS });
  const changes = changesFrom(values);
  const cover: CoverChange | undefined = values['remove-cover']
    ? { kind: 'remove' }
    : values.cover
      ? { kind: 'file', path: resolve(values.cover) }
      : undefined;
  if (Object.keys(changes).length === 0 && !cover && !values.number)
    throw new UsageError('tag set needs a field to set');
  return withCore(values.db, async (core) => {
    const ids = selection(core, positionals, values.id);
    const stop = () => core.tags.cancel();
    process.once('SIGINT', stop);
    const result = await core.tags.write({
      ids,
      changes,
      cover,
      transforms: values.number ? { number: { total: true } } : undefined,
    });
    process.off('SIGINT', stop);
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else
      process.stderr.write(
        `${result.written} written, ${result.failed.length} failed${result.cancelled ? ', cancelled' : ''}\n`,
      );
    for (const failure of result.failed) process.stderr.write(`${failure.message}\n`);
    return result.failed.length > 0 || result.cancelled ? 1 : 0;
  });
}

async function withCore(db: string | undefined, work: (core: Core) => Promise<number>): Promise<number> {
  const core = new Core({ dbPath: requireCatalog(db), host: 'browser', version: VERSION, parserEntry: parserEntry() });
  try {
    return await work(core);
  } finally {
    await core.close();
  }
}

/** The tracks named: by id, or by file (which must be in the library). */
function selection(core: Core, files: string[], ids: string[] | undefined): number[] {
  const picked = (ids ?? []).map((id) => intOption(id, 'id', 1, Number.MAX_SAFE_INTEGER)!);
  for (const file of files) {
    const id = core.catalog.tracks.idOfPath(resolve(file));
    if (id === null)
      throw new Error(`${resolve(file)} is not in the library: scan its folder first (tonearm scan DIR)`);
    picked.push(id);
  }
  if (picked.length === 0) throw new UsageError('name the tracks: FILE... or --id N...');
  return picked;
}

type Values = {
  [K in keyof typeof FIELDS]?: (typeof FIELDS)[K] extends { multiple: true } ? string[] : string | boolean;
};

function changesFrom(values: Values): TagChanges {
  const text = (key: keyof Values) => values[key] as string | undefined;
  const count = (key: keyof Values) => intOption(text(key), key, 0, 9999);
  const compilation = text('compilation');
  if (compilation !== undefined && !['yes', 'no'].includes(compilation))
    throw new UsageError('--compilation takes yes or no');
  const changes: TagChanges = {
    title: text('title'),
    artist: text('artist'),
    album: text('album'),
    albumArtist: text('album-artist'),
    trackNo: count('track'),
    trackTotal: count('track-total'),
    discNo: count('disc'),
    discTotal: count('disc-total'),
    year: count('year'),
    genres: values.genre as string[] | undefined,
    composer: text('composer'),
    comment: text('comment'),
    compilation: compilation === undefined ? undefined : compilation === 'yes',
  };
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as TagChanges;
}

/** "album: Old Album", "title: (mixed)", one field a line. */
function stateLines(state: TagEditorState): string[] {
  const lines = Object.entries(state.fields).map(([field, value]) => {
    if (value.mixed) return `${field}: (mixed)`;
    return `${field}: ${Array.isArray(value.value) ? value.value.join('; ') : String(value.value)}`;
  });
  const cover = state.cover.state === 'same' ? state.cover.hash : state.cover.state;
  return [`tracks: ${state.ids.join(', ')}`, ...lines, `cover: ${cover}`];
}
