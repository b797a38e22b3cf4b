// A tag edit on the real network share of ../shared/nas (sshfs through a shaping relay): the
// copy is made beside the file on the share and renamed over it there (SFTP's posix-rename),
// the audio and the other tags come back untouched, and nothing is left behind.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTags } from '../../../src/main/core/tags/tag-file.ts';
import { tagOperations } from '../../../src/main/core/tags/tag-thread.ts';
import { hasFfmpeg, makeAudioFile } from '../../support/audio.ts';
import { Nas, noNasReason } from '../../support/nas.ts';
import { decodedMd5, probeTags, untouched } from '../../support/tag-proof.ts';
import { tempDir } from '../../support/temp.ts';

describe.skipIf(noNasReason !== null || !hasFfmpeg)('tag edits on a network share', () => {
  const dir = tempDir();
  const nas = new Nas(join(dir.path, 'nas-state'));
  const mount = join(dir.path, 'mnt');

  beforeAll(async () => {
    const exportDir = join(dir.path, 'export');
    mkdirSync(exportDir);
    await makeAudioFile(join(exportDir, 'album', 'track.flac'), 'flac', { title: 'On the share', album: 'Before' }, 5);
    await makeAudioFile(join(exportDir, 'album', 'track.mp3'), 'mp3', { title: 'Also there', album: 'Before' }, 5);
    nas.up(exportDir, mount, 4, 200);
  });
  afterAll(() => {
    nas.down();
    dir.cleanup();
  });

  it.each(['track.flac', 'track.mp3'])('rewrites %s by a rename over it on the share', async (name) => {
    const file = join(mount, 'album', name);
    const [md5, tags] = [await decodedMd5(file), await probeTags(file)];
    const ops = tagOperations(join(dir.path, 'covers'));
    const started = performance.now();
    const written = await ops.rewrite(file, { album: 'After' }, undefined);
    console.log(`tag edit of ${name} on the share (4 ms, 200 Mbit): ${Math.round(performance.now() - started)} ms`);
    expect(readTags(file).fields.album).toBe('After');
    expect(await decodedMd5(file)).toBe(md5);
    const kept = untouched(tags!, (await probeTags(file))!, ['album']);
    expect(kept.after).toEqual(kept.before);
    expect(written.size).toBeGreaterThan(0);
    expect(readdirSync(join(mount, 'album')).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
