// The round trip on the bench generator's library (its own tag writers: realistic tags with
// diacritics, compilations, multi-disc albums, embedded covers, ReplayGain, MusicBrainz ids):
// every file's album and title set, read back as written, decoded audio and every other tag
// (ffprobe's, and the embedded cover) unchanged.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLibrary, type Manifest } from '../../../bench/library/generate.ts';
import { readTags } from '../../../src/main/core/tags/tag-file.ts';
import { tagOperations } from '../../../src/main/core/tags/tag-thread.ts';
import { hasFfmpeg } from '../../support/audio.ts';
import { decodedMd5, probeTags, untouched } from '../../support/tag-proof.ts';
import { tempDir } from '../../support/temp.ts';

describe.skipIf(!hasFfmpeg)('tag round trip on the generated library', () => {
  const dir = tempDir();
  let manifest: Manifest;

  beforeAll(async () => {
    manifest = await generateLibrary({
      dir: join(dir.path, 'music'),
      tracks: 60,
      seed: 21,
      durationS: 2,
      formats: { mp3: 1, flac: 1, m4a: 1, ogg: 1, opus: 1 },
      coverRatio: 0.8,
    });
  });
  afterAll(() => dir.cleanup());

  it('writes every file with its audio, its cover and its other tags untouched', async () => {
    const ops = tagOperations(join(dir.path, 'covers'));
    const formats = new Set<string>();
    for (const track of manifest.tracks) {
      const [md5, tags, before] = [await decodedMd5(track.path), await probeTags(track.path), readTags(track.path)];
      await ops.rewrite(track.path, { album: `${track.album} (Remaster)`, title: `${track.title} – edit` }, undefined);
      const after = readTags(track.path);
      expect(after.fields, track.path).toEqual({
        ...before.fields,
        album: `${track.album} (Remaster)`,
        title: `${track.title} – edit`,
      });
      expect(after.cover?.data.length ?? 0, track.path).toBe(before.cover?.data.length ?? 0);
      expect(await decodedMd5(track.path), track.path).toBe(md5);
      const kept = untouched(tags!, (await probeTags(track.path))!, ['album', 'title']);
      expect(kept.after, track.path).toEqual(kept.before);
      formats.add(track.format);
    }
    expect([...formats].sort()).toEqual(['flac', 'm4a', 'mp3', 'ogg', 'opus']);
  }, 180_000);
});
