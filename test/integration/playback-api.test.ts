// The player's side of the contract against a real catalog: rows by id, play stats keyed by
// track id (and kept through a move), and the saved queue.
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/core/api/create-handlers.ts';
import { dispatch } from '../../src/main/core/api/dispatch.ts';
import type { Handlers } from '../../src/main/core/api/handlers.ts';
import type { Core } from '../../src/main/core/core.ts';
import type { LibraryChange, PlaybackState, PlayStats, TrackRow } from '../../src/shared/domain.ts';
import { hasFfmpeg, makeAudioFile } from '../support/audio.ts';
import { testCore } from '../support/core.ts';
import { tempDir } from '../support/temp.ts';
import { SettingsWrites } from '../../src/main/core/catalog/settings.ts';

describe.skipIf(!hasFfmpeg)('playback commands', () => {
  const dir = tempDir();
  const music = join(dir.path, 'music');
  let core: Core;
  let handlers: Handlers;
  let ids: number[];

  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const result = await dispatch(handlers, name, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };

  beforeAll(async () => {
    await makeAudioFile(join(music, 'a.mp3'), 'mp3', { title: 'Alpha', track: '1' }, 1);
    await makeAudioFile(join(music, 'b.flac'), 'flac', { title: 'Beta', track: '2' }, 1);
    core = testCore(join(dir.path, 'catalog.sqlite'));
    handlers = createHandlers(core);
    await core.addRoot(music);
    await core.scanner.start().done;
    ids = (await call<{ rows: TrackRow[] }>('library.tracks', { offset: 0, limit: 10 })).rows.map((r) => r.id);
    expect(ids).toHaveLength(2);
  });
  afterAll(async () => {
    await core?.close();
    dir.cleanup();
  });

  it('returns rows for ids in the order asked, leaving out unknown ids', async () => {
    const rows = await call<TrackRow[]>('library.tracksByIds', { ids: [ids[1], 999_999, ids[0], ids[1]] });
    expect(rows.map((r) => r.title)).toEqual(['Beta', 'Alpha', 'Beta']);
    const refused = await dispatch(handlers, 'library.tracksByIds', { ids: ['1'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('counts plays and skips, announces each as a library change, and refuses unknown tracks', async () => {
    const changes: LibraryChange[] = [];
    const off = core.bus.on('library.changed', (change) => changes.push(change));
    const before = Date.now();
    const played = await call<PlayStats>('playback.recordPlay', { trackId: ids[0] });
    expect(played).toMatchObject({ trackId: ids[0], playCount: 1, skipCount: 0 });
    expect(played.lastPlayedAt).toBeGreaterThanOrEqual(before);
    expect((await call<PlayStats>('playback.recordPlay', { trackId: ids[0] })).playCount).toBe(2);
    expect(await call<PlayStats>('playback.recordSkip', { trackId: ids[1] })).toMatchObject({
      playCount: 0,
      skipCount: 1,
      lastPlayedAt: null,
    });
    off();
    // A skip is a Songs column and a smart playlist rule (skips:>3): it is announced too.
    expect(changes.map((c) => c.updated)).toEqual([[ids[0]], [ids[0]], [ids[1]]]);
    const row = (await call<TrackRow[]>('library.tracksByIds', { ids: [ids[0]] }))[0]!;
    expect(row.playCount).toBe(2);
    expect(await dispatch(handlers, 'playback.recordPlay', { trackId: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('keeps the stats of a file that moved inside the library', async () => {
    renameSync(join(music, 'a.mp3'), join(music, 'a-moved.mp3'));
    await core.scanner.start().done;
    const rows = await call<TrackRow[]>('library.tracksByIds', { ids: [ids[0]] });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.path).toContain('a-moved.mp3');
    expect(rows[0]!.playCount).toBe(2);
  });

  it('saves and restores the playback state, and forgets a state that does not fit', async () => {
    expect(await call('playback.loadState', {})).toBeNull();
    const state: PlaybackState = {
      trackIds: [ids[1]!, ids[0]!],
      unshuffled: [1, 0],
      index: 1,
      positionS: 12.5,
      shuffle: true,
      repeat: 'one',
      volume: 0.6,
      muted: false,
    };
    expect(await call('playback.saveState', state)).toBeNull();
    expect(await call('playback.loadState', {})).toEqual(state);
    const bad = await dispatch(handlers, 'playback.saveState', { ...state, repeat: 'forever' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    new SettingsWrites(core.catalog.db).saveState('playback', { trackIds: 'nonsense' });
    expect(await call('playback.loadState', {})).toBeNull();
  });
});
