// The views measured in the main process: the same handlers the app's IPC and the headless
// host's socket call, on a real core whose views thread answers them.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { CommandInput, CommandName, CommandOutput } from '../../src/shared/contract.ts';
import { unwrap } from '../../src/shared/result.ts';
import { TRACK_SORT_FIELDS, type TrackSort } from '../../src/shared/views.ts';
import { createHandlers } from '../../src/main/core/api/create-handlers.ts';
import { dispatch } from '../../src/main/core/api/dispatch.ts';
import type { Core } from '../../src/main/core/core.ts';
import { testCore } from '../../test/support/core.ts';
import { median, percentile, roundMs, timed } from '../support/stats.ts';
import { playlistFigures } from './playlist-figures.ts';

export interface Figure {
  name: string;
  samples: number[];
  target?: number;
  /** How the target is read: the median or the 95th percentile. */
  by?: 'median' | 'p95' | 'max';
  note?: string;
}

/** Words typed one character at a time, as in the search box; their stems are in the generated names. */
export const TYPED = [
  'bjork',
  'cafe tacvba',
  'sigur ros',
  'the silver',
  'broken heart',
  'midnight river',
  'kjaergaard',
  'lodz',
  'deja vu',
  'artist:soren',
  'album:greatest',
  'genre:jazz year:1990..1999',
  'zoe',
  'ocean',
];

const all = { type: 'all' } as const;

export async function mainFigures(dbPath: string): Promise<{ figures: Figure[]; rssMB: number; loopMaxMs: number }> {
  const startedAt = performance.now();
  const core: Core = testCore(dbPath, { workers: 1 });
  const handlers = createHandlers(core);
  const call = async <K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> =>
    unwrap(await dispatch(handlers, name, input)) as CommandOutput<K>;
  const open = (sort: TrackSort, limit = 120) =>
    call('views.open', { spec: { kind: 'tracks', filter: all, sort }, limit });
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();

  // The very first open: the views thread starts, its connection and the pages it reads are cold.
  const first = await timed(() => open({ field: 'artist', desc: false }));
  const fromStart = roundMs(performance.now() - startedAt);

  // A list opened on an order not read yet is answered with its first rows, and the views
  // thread reads the rest at once: both are timed, and each measurement starts with the
  // thread idle (as it is when the user clicks).
  const settled = (snapshotId: number) => call('views.ids', { snapshotId, offset: 0, limit: 1 });
  const openTimed = async (sort: TrackSort): Promise<[number, number]> => {
    const t = performance.now();
    const opened = await open(sort);
    const first = performance.now() - t;
    await settled(opened.snapshotId);
    return [roundMs(first), roundMs(performance.now() - t)];
  };

  // Songs sorted by artist, each time just after the library changed (nothing cached for it).
  const openArtist: number[] = [];
  const openArtistWhole: number[] = [];
  const openArtistAgain: number[] = [];
  // Forty, so that the p95 is not simply the slowest one.
  for (let i = 0; i < 40; i++) {
    await core.writer.write.announceStructural();
    const [first, whole] = await openTimed({ field: 'artist', desc: false });
    openArtist.push(first);
    openArtistWhole.push(whole);
    openArtistAgain.push(await timed(() => open({ field: 'artist', desc: false })));
  }

  // A click on a column header: the view shows the default order, the user sorts by another.
  const sortChange: number[] = [];
  const sortWhole: number[] = [];
  const perField: string[] = [];
  for (const field of TRACK_SORT_FIELDS) {
    const own: number[] = [];
    for (const desc of [false, true]) {
      for (let i = 0; i < 2; i++) {
        await core.writer.write.announceStructural();
        await openTimed({ field: 'albumArtist', desc: false });
        const [first, whole] = await openTimed({ field, desc });
        own.push(first);
        sortWhole.push(whole);
      }
    }
    sortChange.push(...own);
    perField.push(`${field} ${Math.round(median(own))}`);
  }

  // Search: every keystroke of the phrases above, the results (groups and first rows) back.
  // First the empty search the search box sends when it gets the focus.
  await call('views.search', { text: '', sort: { field: 'albumArtist', desc: false }, limit: 1 });
  const search: number[] = [];
  for (const phrase of TYPED) {
    for (let n = 1; n <= phrase.length; n++) {
      const text = phrase.slice(0, n);
      search.push(
        await timed(() => call('views.search', { text, sort: { field: 'albumArtist', desc: false }, limit: 60 })),
      );
    }
  }

  // Windows of 100 rows at random places in the artist order, as a scroll asks for them.
  const opened = await open({ field: 'artist', desc: false });
  const windows: number[] = [];
  for (let i = 0; i < 300; i++) {
    const offset = Math.floor(Math.random() * (opened.total - 100));
    windows.push(await timed(() => call('views.window', { snapshotId: opened.snapshotId, offset, limit: 100 })));
  }

  const playlists = await playlistFigures(core, call);

  loop.disable();
  const rssMB = Math.round(process.memoryUsage().rss / 2 ** 20);
  await core.close();
  return {
    rssMB,
    loopMaxMs: roundMs(loop.max / 1e6),
    figures: [
      {
        name: 'core start to first Songs rows (cold thread, cold pages)',
        samples: [fromStart],
        note: `open ${first} ms`,
      },
      {
        name: 'open Songs sorted by artist, after a library change: first rows',
        samples: openArtist,
        target: 100,
        by: 'p95',
      },
      { name: '… and the whole order read (scrollable to the end)', samples: openArtistWhole },
      { name: 'open Songs sorted by artist, snapshot cached', samples: openArtistAgain },
      {
        name: 'change the sort column (every column, both ways): first rows',
        samples: sortChange,
        target: 150,
        by: 'p95',
        note: `medians: ${perField.join(', ')}`,
      },
      { name: '… and the whole order read', samples: sortWhole },
      {
        name: 'search, keystroke to results ready',
        samples: search,
        target: 30,
        by: 'p95',
        note: `${search.length} keystrokes`,
      },
      { name: 'fetch one window of 100 rows', samples: windows, target: 5, by: 'p95' },
      ...playlists,
    ],
  };
}

export const TABLE_HEAD = [
  '| measure | n | median ms | p95 ms | max ms | target | notes |',
  '| --- | --: | --: | --: | --: | --- | --- |',
];

export function row(figure: Figure): string {
  const { samples } = figure;
  const p50 = median(samples);
  const p95 = percentile(samples, 95);
  const max = Math.max(...samples);
  const read = figure.by === 'p95' ? p95 : figure.by === 'max' ? max : p50;
  const verdict = figure.target === undefined ? '' : read <= figure.target ? ' ✓' : ' ✗';
  const target = figure.target === undefined ? '—' : `${figure.by ?? 'median'} ≤ ${figure.target} ms${verdict}`;
  const fmt = (ms: number) => (Number.isFinite(ms) ? `${roundMs(ms)}` : '—');
  return `| ${figure.name} | ${samples.length} | ${fmt(p50)} | ${fmt(p95)} | ${fmt(max)} | ${target} | ${figure.note ?? ''} |`;
}
