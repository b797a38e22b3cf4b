// A new feature version analyses the library again: vectors of the old version are pending, the
// job replaces each with one of the new version, and similar tracks are answered from the new
// ones. A real scan, the real job, a stand-in analyser under two versions.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/core/api/create-handlers.ts';
import { dispatch } from '../../../src/main/core/api/dispatch.ts';
import type { Core } from '../../../src/main/core/core.ts';
import { hasFfmpeg, makeAudioFile } from '../../support/audio.ts';
import { testCore } from '../../support/core.ts';
import { tempDir } from '../../support/temp.ts';

const analyser = (name: string) => fileURLToPath(new URL(`../../support/similarity/${name}.ts`, import.meta.url));

describe.skipIf(!hasFfmpeg)('similarity: a new feature version', () => {
  const dir = tempDir();
  const lib = join(dir.path, 'lib');
  const log = join(dir.path, 'analysed.log');
  const dbPath = join(dir.path, 'catalog.sqlite');
  let core: Core | undefined;

  const versions = () =>
    core!.catalog.db.prepare('SELECT feature_version FROM track_vectors ORDER BY track_id').pluck().all() as number[];
  const analysedCount = () => readFileSync(log, 'utf8').split('\n').filter(Boolean).length;

  afterAll(async () => {
    await core?.close();
    delete process.env.TONEARM_TEST_ANALYSIS_LOG;
    dir.cleanup();
  });

  it('re-analyses every vector of the old version, and answers from the new ones', async () => {
    process.env.TONEARM_TEST_ANALYSIS_LOG = log;
    writeFileSync(log, '');
    await makeAudioFile(join(lib, 'a.mp3'), 'mp3', { title: 'A', artist: 'One' }, 3, 440);
    await makeAudioFile(join(lib, 'b.mp3'), 'mp3', { title: 'B', artist: 'Two' }, 3, 880);
    await makeAudioFile(join(lib, 'c.mp3'), 'mp3', { title: 'C', artist: 'Three' }, 3, 660);
    core = testCore(dbPath, { analyser: analyser('tone-analyser') });
    await core.addRoot(lib);
    await core.scanner.start({}).done;
    core.similarity.start();
    await core.similarity.idle();
    expect(versions()).toEqual([1, 1, 1]);
    expect(analysedCount()).toBe(3);
    await core.close();

    core = testCore(dbPath, { analyser: analyser('tone-analyser-next') });
    core.similarity.start();
    await core.similarity.idle();
    expect(versions()).toEqual([2, 2, 2]);
    expect(analysedCount()).toBe(6);
    expect(await core.similarity.freshStatus()).toMatchObject({ analysed: 3, pending: 0, failed: 0 });

    const idOf = (name: string) =>
      core!.catalog.db.prepare('SELECT id FROM tracks WHERE path = ?').pluck().get(join(lib, name)) as number;
    const similar = await dispatch(createHandlers(core), 'similar.tracks', { ids: [idOf('a.mp3')], limit: 5 });
    expect(similar).toMatchObject({
      ok: true,
      value: { seedsWithoutVector: 0, rows: [{ track: { id: idOf('c.mp3') } }, { track: { id: idOf('b.mp3') } }] },
    });
  }, 60_000);
});
