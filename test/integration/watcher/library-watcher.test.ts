// Watching a local root: a file added, changed or removed shows up within a few seconds.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/core.ts';
import { hasFfmpeg, makeAudioFile } from '../../support/audio.ts';
import { testCore } from '../../support/core.ts';
import { tempDir } from '../../support/temp.ts';

async function eventually<T>(probe: () => T | undefined | null | false, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the watcher');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!hasFfmpeg)('watching a local root', () => {
  const dir = tempDir();
  const music = join(dir.path, 'music');
  let core: Core;
  let spare: string;
  const track = (path: string) =>
    core.catalog.db.prepare('SELECT id, title, missing_since FROM tracks WHERE path = ?').get(path) as
      { id: number; title: string; missing_since: number | null } | undefined;

  beforeAll(async () => {
    await makeAudioFile(join(music, 'a', 'one.mp3'), 'mp3', { title: 'One' }, 1);
    spare = await makeAudioFile(join(dir.path, 'spare.flac'), 'flac', { title: 'Two' }, 1);
    await makeAudioFile(join(dir.path, 'retagged.mp3'), 'mp3', { title: 'One, retagged' }, 1);
    core = testCore(join(dir.path, 'catalog.sqlite'));
    await core.addRoot(music);
    await core.scanner.start().done;
    core.start({ watch: true });
    await core.watcher.ready();
  });
  afterAll(async () => {
    await core.close();
    dir.cleanup();
  });

  it('picks up a new file', async () => {
    mkdirSync(join(music, 'b'));
    copyFileSync(spare, join(music, 'b', 'two.flac'));
    expect((await eventually(() => track(join(music, 'b', 'two.flac')))).title).toBe('Two');
  });

  it('picks up a changed file', async () => {
    const { id } = track(join(music, 'a', 'one.mp3'))!;
    copyFileSync(join(dir.path, 'retagged.mp3'), join(music, 'a', 'one.mp3'));
    const changed = await eventually(() => {
      const row = track(join(music, 'a', 'one.mp3'));
      return row?.title === 'One, retagged' && row;
    });
    expect(changed.id).toBe(id);
  });

  it('marks a removed file missing', async () => {
    rmSync(join(music, 'b', 'two.flac'));
    await eventually(() => track(join(music, 'b', 'two.flac'))?.missing_since);
  });

  it('watches a folder made after the start, and one level under it', async () => {
    mkdirSync(join(music, 'c', 'd'), { recursive: true });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    copyFileSync(spare, join(music, 'c', 'd', 'three.flac'));
    expect((await eventually(() => track(join(music, 'c', 'd', 'three.flac')))).title).toBe('Two');
  });

  it('marks the tracks of a removed folder missing', async () => {
    rmSync(join(music, 'c'), { recursive: true });
    await eventually(() => track(join(music, 'c', 'd', 'three.flac'))?.missing_since);
  });
});
