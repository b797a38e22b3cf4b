// `tonearm playlist import | list | export` with the built command on a scanned library: what
// the app's commands do, from a shell, with the CLI's refusals and exit codes.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaylistImport, PlaylistSummary } from '../../src/shared/domain.ts';
import { hasFfmpeg } from '../support/audio.ts';
import { isBuilt, TONEARM_BIN, tonearm } from '../support/cli.ts';
import { smallLibrary } from '../support/library.ts';
import { tempDir } from '../support/temp.ts';

function failing(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TONEARM_BIN, ...args], { timeout: 30_000 }, (err, _stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stderr }),
    );
  });
}

describe.skipIf(!hasFfmpeg || !isBuilt)('tonearm playlist', () => {
  const dir = tempDir();
  const music = join(dir.path, 'music');
  const db = join(dir.path, 'catalog.sqlite');
  let paths: string[];

  beforeAll(async () => {
    paths = (await smallLibrary(music, 6, 5)).tracks.map((track) => track.path);
    await tonearm(['scan', music, '--db', db, '--json']);
  });
  afterAll(() => dir.cleanup());

  it('imports a file, lists it and exports it beside the music with relative paths', async () => {
    const file = join(dir.path, 'mix.m3u8');
    writeFileSync(file, ['#EXTM3U', paths[2], paths[0], join(music, 'gone/never.flac'), paths[2], ''].join('\n'));
    const imported = JSON.parse(
      (await tonearm(['playlist', 'import', file, '--name', 'Mix', '--db', db, '--json'])).stdout,
    ) as PlaylistImport;
    expect(imported).toMatchObject({ matched: { path: 3, tail: 0, tags: 0 }, unmatched: 1 });
    expect(imported.playlist).toMatchObject({ name: 'Mix', entryCount: 4, missingCount: 1 });

    const listed = JSON.parse((await tonearm(['playlist', 'list', '--db', db, '--json'])).stdout) as {
      playlists: PlaylistSummary[];
    };
    expect(listed.playlists).toEqual([expect.objectContaining({ id: imported.playlist.id, name: 'Mix' })]);
    const text = (await tonearm(['playlist', 'list', '--db', db])).stdout;
    expect(text).toBe(`${imported.playlist.id}\tMix\t(4 entries, 1 missing)\n`);

    const out = join(music, 'mix.pls');
    const exported = await tonearm(['playlist', 'export', String(imported.playlist.id), out, '--db', db]);
    expect(exported.stdout).toBe(`${out}\n`);
    const pls = readFileSync(out, 'utf8');
    expect(pls).toContain(`File1=${paths[2]!.slice(music.length + 1)}`);
    expect(pls).toContain('File3=gone/never.flac');
    expect(pls).toContain('NumberOfEntries=4');
  });

  it('refuses what it cannot do in one line, exit 1; bad usage exit 2', async () => {
    const missing = await failing(['playlist', 'list', '--db', join(dir.path, 'none.sqlite')]);
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr).toMatch(/^tonearm playlist: No catalog at .*none\.sqlite/);
    const unreadable = await failing(['playlist', 'import', join(dir.path, 'nope.m3u'), '--db', db]);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/Cannot read the playlist .*nope\.m3u/),
    ]);
    expect((await failing(['playlist', 'export', '999', join(dir.path, 'x.m3u8'), '--db', db])).code).toBe(1);
    expect(
      (await failing(['playlist', 'export', '1', join(dir.path, 'x.txt'), '--format', 'wpl', '--db', db])).code,
    ).toBe(2);
    expect((await failing(['playlist', 'shuffle'])).code).toBe(2);
    expect((await tonearm(['playlist', '--help'])).stdout).toMatch(/tonearm playlist import FILE/);
  });
});
