// Playlists measured as Songs is (main-figures.ts): a 10,000-track playlist of entries opened,
// re-sorted and scrolled through the views thread, each open after a library change (nothing
// cached for it); and smart playlists evaluated there, through their view and through
// playlists.trackIds, after a change of play statistics (what makes them read again). `call`
// is the contract's dispatcher on a real core over the cached catalog: the playlists made are
// deleted at the end, and the "play" rewrites a track's rating as it was, so that the catalog
// measured next time is the same.
import type { CommandInput, CommandName, CommandOutput } from '../../src/shared/contract.ts';
import { TRACK_SORT_FIELDS, type TrackSort } from '../../src/shared/views.ts';
import type { Core } from '../../src/main/core/core.ts';
import type { Figure } from './main-figures.ts';
import { median, timed } from '../support/stats.ts';

type Call = <K extends CommandName>(name: K, input: CommandInput<K>) => Promise<CommandOutput<K>>;

const PLAYLIST_TRACKS = 10_000;
const SMART = ['played:<30d sort:plays:desc limit:50', 'rating:>=4 played:>90d', 'genre:jazz rating:>=3', 'plays:0'];

export async function playlistFigures(core: Core, call: Call): Promise<Figure[]> {
  const trackCount = core.catalog.db.prepare('SELECT count(*) FROM tracks').pluck().get() as number;
  // Spread over the library, as a playlist made over the years is: every n-th track.
  const step = Math.max(1, Math.floor(trackCount / PLAYLIST_TRACKS));
  const trackIds = core.catalog.db
    .prepare('SELECT id FROM tracks WHERE id % ? = 0 ORDER BY (id * 7919) % 10007 LIMIT ?')
    .pluck()
    .all(step, PLAYLIST_TRACKS) as number[];
  const playlist = await call('playlists.create', { name: 'Bench 10k', trackIds });
  const open = (sort: TrackSort | null, limit = 120) =>
    call('views.open', { spec: { kind: 'playlist', playlistId: playlist.id, sort }, limit });

  const openFirst: number[] = [];
  for (let i = 0; i < 30; i++) {
    await core.writer.write.announceStructural();
    openFirst.push(await timed(() => open(null)));
  }
  const openCached: number[] = [];
  for (let i = 0; i < 30; i++) openCached.push(await timed(() => open(null)));

  const sortChange: number[] = [];
  const perField: string[] = [];
  for (const field of TRACK_SORT_FIELDS) {
    const own: number[] = [];
    for (const desc of [false, true]) {
      await core.writer.write.announceStructural();
      await open(null);
      own.push(await timed(() => open({ field, desc })));
    }
    sortChange.push(...own);
    perField.push(`${field} ${Math.round(median(own))}`);
  }

  const opened = await open({ field: 'artist', desc: false });
  const windows: number[] = [];
  for (let i = 0; i < 300; i++) {
    const offset = Math.floor(Math.random() * (opened.total - 100));
    windows.push(await timed(() => call('views.window', { snapshotId: opened.snapshotId, offset, limit: 100 })));
  }

  // An `updated` change of play statistics before each evaluation, as a play would make.
  const someTrack = trackIds[0]!;
  const rating = (await call('library.tracksByIds', { ids: [someTrack] }))[0]?.rating ?? null;
  const touch = () => core.writer.write.setRating([someTrack], rating);
  const made = [playlist.id];
  const smartView: number[] = [];
  const smartIds: number[] = [];
  const counts: string[] = [];
  for (const smartQuery of SMART) {
    const smart = await call('playlists.create', { name: smartQuery, smartQuery });
    made.push(smart.id);
    let total = 0;
    for (let i = 0; i < 8; i++) {
      await touch();
      smartView.push(
        await timed(async () => {
          const view = await call('views.open', {
            spec: {
              kind: 'tracks',
              filter: { type: 'smart', playlistId: smart.id },
              sort: { field: 'albumArtist', desc: false },
            },
            limit: 120,
          });
          total = view.total;
        }),
      );
      await touch();
      smartIds.push(await timed(() => call('playlists.trackIds', { playlistId: smart.id })));
    }
    const own = smartView.slice(-8);
    counts.push(`\`${smartQuery}\` ${total} tracks, median ${Math.round(median(own))} ms`);
  }
  for (const playlistId of made) await call('playlists.delete', { playlistId });

  return [
    {
      name: `open a ${trackIds.length.toLocaleString('en')}-track playlist, after a library change: first rows`,
      samples: openFirst,
      target: 100,
      by: 'p95',
    },
    { name: '… snapshot cached', samples: openCached },
    {
      name: 'playlist: change the sort column (every column, both ways)',
      samples: sortChange,
      target: 150,
      by: 'p95',
      note: `medians: ${perField.join(', ')}`,
    },
    { name: 'playlist: fetch one window of 100 rows', samples: windows, target: 5, by: 'p95' },
    {
      name: 'smart playlist view after a play count changed: rules read again, first rows',
      samples: smartView,
      target: 150,
      by: 'p95',
      note: counts.join(', '),
    },
    {
      name: 'smart playlist after a play count changed: playlists.trackIds (what Play queues)',
      samples: smartIds,
      target: 150,
      by: 'p95',
    },
  ];
}
