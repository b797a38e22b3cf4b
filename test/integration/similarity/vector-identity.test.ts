// A vector follows the track's audio: a retagged file keeps it, a file whose audio changed gets
// a new one, a moved file keeps it. Real files, a real scan, the real job with a stand-in analyser.
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/core/api/create-handlers.ts';
import { dispatch } from '../../../src/main/core/api/dispatch.ts';
import type { Core } from '../../../src/main/core/core.ts';
import { hasFfmpeg, makeAudioFile } from '../../support/audio.ts';
import { testCore } from '../../support/core.ts';
import { tempDir } from '../../support/temp.ts';

const ANALYSER = fileURLToPath(new URL('../../support/similarity/tone-analyser.ts', import.meta.url));

interface VectorRow {
  track_id: number;
  seq: number;
  size: number;
  vector: Buffer;
}

describe.skipIf(!hasFfmpeg)('similarity: which changes keep a vector', () => {
  const dir = tempDir();
  const lib = join(dir.path, 'lib');
  const log = join(dir.path, 'analysed.log');
  let core: Core;

  const analysedPaths = () => readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const rowOf = (path: string) =>
    core.catalog.db
      .prepare(
        'SELECT v.track_id, v.seq, v.size, v.vector FROM track_vectors v JOIN tracks t ON t.id = v.track_id WHERE t.path = ?',
      )
      .get(path) as VectorRow | undefined;
  const rescanAndAnalyse = async () => {
    await core.scanner.start({}).done;
    core.similarity.refresh();
    await core.similarity.idle();
  };

  beforeAll(async () => {
    process.env.TONEARM_TEST_ANALYSIS_LOG = log;
    writeFileSync(log, '');
    await makeAudioFile(join(lib, 'x', 'a.mp3'), 'mp3', { title: 'A', artist: 'One' }, 3, 440);
    await makeAudioFile(join(lib, 'x', 'b.flac'), 'flac', { title: 'B', artist: 'Two' }, 3, 880);
    await makeAudioFile(join(lib, 'x', 'c.mp3'), 'mp3', { title: 'C', artist: 'Three' }, 3, 660);
    core = testCore(join(dir.path, 'catalog.sqlite'), { analyser: ANALYSER });
    await core.addRoot(lib);
    await core.scanner.start({}).done;
    core.similarity.start();
    await core.similarity.idle();
  }, 60_000);

  afterAll(async () => {
    await core?.close();
    delete process.env.TONEARM_TEST_ANALYSIS_LOG;
    dir.cleanup();
  });

  it('analyses every track once', async () => {
    expect(analysedPaths()).toHaveLength(3);
    expect(await core.similarity.freshStatus()).toMatchObject({ analysed: 3, pending: 0, failed: 0, total: 3 });
  });

  it('answers similar tracks and the radio through the contract, nearest tone first', async () => {
    const handlers = createHandlers(core);
    const idOf = (name: string) => rowOf(join(lib, 'x', name))!.track_id;
    const similar = await dispatch(handlers, 'similar.tracks', { ids: [idOf('a.mp3')], limit: 5 });
    // 660 Hz is nearer 440 Hz than 880 Hz is.
    expect(similar).toMatchObject({
      ok: true,
      value: { seedsWithoutVector: 0, rows: [{ track: { id: idOf('c.mp3') } }, { track: { id: idOf('b.flac') } }] },
    });
    const radio = await dispatch(handlers, 'radio.next', {
      seedIds: [idOf('a.mp3')],
      recentIds: [idOf('a.mp3')],
      excludeGenres: [],
      count: 5,
    });
    expect(radio).toEqual({
      ok: true,
      value: { trackIds: [idOf('c.mp3'), idOf('b.flac')], seedsWithoutVector: 0, exhausted: true },
    });
    const status = await dispatch(handlers, 'similar.status', {});
    expect(status).toMatchObject({ ok: true, value: { analysed: 3, running: false, reason: null } });
  });

  it('keeps the vector of a retagged file (new tags, same audio), and stamps it with the new file', async () => {
    const path = join(lib, 'x', 'a.mp3');
    const before = rowOf(path)!;
    const retagged = join(dir.path, 'retagged.mp3');
    execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-i',
      path,
      '-c',
      'copy',
      '-metadata',
      'title=A longer title now',
      retagged,
    ]);
    renameSync(retagged, path);
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    await rescanAndAnalyse();
    const after = rowOf(path)!;
    expect(core.catalog.tracks.byIds([after.track_id])[0]!.title).toBe('A longer title now');
    expect(after.track_id).toBe(before.track_id);
    expect(after.seq).toBe(before.seq);
    expect(after.vector.equals(before.vector)).toBe(true);
    expect(after.size).not.toBe(before.size);
    expect(analysedPaths().filter((p) => p === path)).toHaveLength(1);
    expect((await core.similarity.freshStatus()).pending).toBe(0);
  });

  it('analyses again a file whose audio changed under the same path', async () => {
    const path = join(lib, 'x', 'b.flac');
    const before = rowOf(path)!;
    await makeAudioFile(path, 'flac', { title: 'B', artist: 'Two' }, 3, 300);
    utimesSync(path, new Date(), new Date(Date.now() + 10_000));
    await rescanAndAnalyse();
    const after = rowOf(path)!;
    expect(after.track_id).toBe(before.track_id);
    expect(after.seq).toBeGreaterThan(before.seq);
    expect(after.vector.equals(before.vector)).toBe(false);
    expect(analysedPaths().filter((p) => p === path)).toHaveLength(2);
  });

  it('keeps the vector of a moved file', async () => {
    const from = join(lib, 'x', 'c.mp3');
    const before = rowOf(from)!;
    const to = join(lib, 'elsewhere', 'c-renamed.mp3');
    mkdirSync(join(lib, 'elsewhere'));
    renameSync(from, to);
    await rescanAndAnalyse();
    const after = rowOf(to)!;
    expect(after.track_id).toBe(before.track_id);
    expect(after.seq).toBe(before.seq);
    expect(analysedPaths().filter((p) => p === from || p === to)).toEqual([from]);
    expect(await core.similarity.freshStatus()).toMatchObject({ analysed: 3, pending: 0 });
  });
});
