// `tonearm scan DIR --json` then `tonearm query --json` on a generated library, with the
// built command: every file is listed with exactly the tags it was generated with.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../bench/library/generate.ts';
import type { QueryTrack } from '../../src/main/core/catalog/query-tracks.ts';
import { hasFfmpeg } from '../support/audio.ts';
import { isBuilt, tonearm } from '../support/cli.ts';
import { smallLibrary } from '../support/library.ts';
import { tempDir } from '../support/temp.ts';

describe.skipIf(!hasFfmpeg || !isBuilt)('tonearm scan, then tonearm query', () => {
  const dir = tempDir();
  const music = join(dir.path, 'music');
  const db = join(dir.path, 'catalog.sqlite');
  let manifest: Manifest;
  let summary: Record<string, unknown>;
  let tracks: QueryTrack[];

  beforeAll(async () => {
    manifest = await smallLibrary(music, 150, 21);
    summary = JSON.parse((await tonearm(['scan', music, '--db', db, '--json'])).stdout) as Record<string, unknown>;
    tracks = JSON.parse((await tonearm(['query', '--db', db, '--json'])).stdout) as QueryTrack[];
  });
  afterAll(() => dir.cleanup());

  it('prints the summary DESIGN.md fixes', () => {
    expect(summary).toMatchObject({
      added: 150,
      updated: 0,
      removed: 0,
      missing: 0,
      unchanged: 0,
      failed: 0,
      offlineRoots: [],
      tracks: 150,
    });
    expect(summary.durationMs).toEqual(expect.any(Number));
  });

  it('lists every file with the tags it was generated with', () => {
    expect(tracks).toHaveLength(manifest.tracks.length);
    const byPath = new Map(tracks.map((track) => [track.path, track]));
    for (const expected of manifest.tracks) {
      const track = byPath.get(expected.path)!;
      expect(track, expected.path).toBeDefined();
      expect(track).toMatchObject({
        title: expected.title,
        artist: expected.artist,
        album: expected.album,
        albumArtist: expected.albumArtist,
        trackNo: expected.trackNo,
        trackTotal: expected.trackTotal,
        discNo: expected.discNo,
        discTotal: expected.discTotal,
        year: expected.year,
        genre: expected.genre,
        composer: expected.composer,
        compilation: expected.compilation,
        hasCover: expected.coverSource !== 'none',
        available: true,
        mbTrackId: expected.mbTrackId,
      });
      expect(track.durationS).toBeGreaterThan(0.5);
      if (expected.replayGain) {
        expect(track.rgTrackGain).toBeCloseTo(expected.replayGain.trackGain, 2);
        expect(track.rgAlbumPeak).toBeCloseTo(expected.replayGain.albumPeak, 4);
      } else {
        expect(track.rgTrackGain).toBeNull();
      }
    }
  });

  it('searches with --search and sorts with --sort', async () => {
    const someone = manifest.tracks[0]!;
    const word = someone.album.split(/\s+/).find((w) => /^[A-Za-z]{3,}$/.test(w)) ?? someone.album;
    const found = JSON.parse((await tonearm(['query', '--db', db, '--search', word, '--json'])).stdout) as QueryTrack[];
    expect(found.some((t) => t.path === someone.path)).toBe(true);
    const byYear = JSON.parse(
      (await tonearm(['query', '--db', db, '--sort', 'year', '--limit', '40', '--json'])).stdout,
    ) as QueryTrack[];
    expect(byYear).toHaveLength(40);
    const years = byYear.map((t) => t.year ?? 0);
    expect([...years].sort((a, b) => a - b)).toEqual(years);
  });

  it('exits 2 on bad usage and 1 with a one-line reason on failure', async () => {
    await expect(tonearm(['query', '--db', db])).rejects.toMatchObject({ code: 2 });
    await expect(tonearm(['frobnicate'])).rejects.toMatchObject({ code: 2 });
    const failure = await tonearm(['scan', join(dir.path, 'no-such-folder'), '--db', db]).catch(
      (err: { code: number; stderr: string }) => err,
    );
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
  });

  it('query on a catalog that does not exist fails and creates nothing', async () => {
    const typo = join(dir.path, 'typo', 'dir', 'x.db');
    const failure = await tonearm(['query', '--db', typo, '--json']).catch(
      (err: { code: number; stderr: string }) => err,
    );
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining(`No catalog at ${typo}`) });
    expect(existsSync(join(dir.path, 'typo'))).toBe(false);
  });

  it('prints its version and the help of each command', async () => {
    expect((await tonearm(['--version'])).stdout).toMatch(/^tonearm \d+\.\d+\.\d+\n$/);
    for (const command of ['scan', 'query', 'serve']) {
      const help = (await tonearm([command, '--help'])).stdout;
      expect(help.startsWith(`tonearm ${command} `)).toBe(true);
      expect(help).toContain('--db FILE');
    }
  });
});
