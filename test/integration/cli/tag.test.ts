// `tonearm tag set | show` for scripts: files by path or id, the catalog following (query
// sees the new album), a file it cannot write named on stderr with exit 1, bad usage exit 2.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTags } from '../../../src/main/core/tags/tag-file.ts';
import { hasFfmpeg, makeAudioFile } from '../../support/audio.ts';
import { tonearmFromSource as tonearm } from '../../support/cli-source.ts';
import { tempDir } from '../../support/temp.ts';

describe.skipIf(!hasFfmpeg)('tonearm tag', () => {
  const dir = tempDir();
  const music = join(dir.path, 'music');
  const db = join(dir.path, 'catalog.sqlite');
  const file = (name: string) => join(music, name);

  beforeAll(async () => {
    await makeAudioFile(file('a.mp3'), 'mp3', { title: 'A', album: 'Before', track: '1' });
    await makeAudioFile(file('b.flac'), 'flac', { title: 'B', album: 'Before', track: '2' });
    await makeAudioFile(file('c.wav'), 'wav', {});
    expect((await tonearm(['scan', music, '--db', db])).code).toBe(0);
  });
  afterAll(() => dir.cleanup());

  it('sets fields of files named by path, and the catalog follows', async () => {
    const set = await tonearm([
      'tag',
      'set',
      '--album',
      'After',
      '--genre',
      'Jazz',
      '--genre',
      'Funk',
      '--db',
      db,
      '--json',
      file('a.mp3'),
      file('b.flac'),
    ]);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ written: 2, failed: [], cancelled: false });
    expect(readTags(file('b.flac')).fields).toMatchObject({ album: 'After', genres: ['Jazz', 'Funk'], title: 'B' });
    const query = await tonearm(['query', '--db', db, '--search', 'album:after', '--json']);
    expect((JSON.parse(query.stdout) as { path: string }[]).map((t) => t.path).sort()).toEqual([
      file('a.mp3'),
      file('b.flac'),
    ]);
    const show = await tonearm(['tag', 'show', '--db', db, file('a.mp3'), file('b.flac')]);
    expect(show.stdout).toContain('album: After\n');
    expect(show.stdout).toContain('title: (mixed)\n');
  });

  it('names a file it cannot write, writes the rest, and exits 1', async () => {
    const ids = JSON.parse((await tonearm(['query', '--db', db, '--json'])).stdout) as { id: number; path: string }[];
    const id = (name: string) => String(ids.find((t) => t.path === file(name))!.id);
    const set = await tonearm(['tag', 'set', '--year', '1999', '--db', db, '--id', id('a.mp3'), '--id', id('c.wav')]);
    expect(set.code).toBe(1);
    expect(set.stderr).toContain('1 written, 1 failed');
    expect(set.stderr).toContain(`${file('c.wav')}: tags are read-only for WAV files`);
    expect(readTags(file('a.mp3')).fields.year).toBe(1999);
  });

  it('refuses bad usage with exit 2', async () => {
    expect((await tonearm(['tag', 'set', '--db', db, file('a.mp3')])).code).toBe(2);
    expect((await tonearm(['tag', 'set', '--track', 'x', '--db', db, file('a.mp3')])).code).toBe(2);
    const outside = await tonearm(['tag', 'set', '--album', 'X', '--db', db, join(dir.path, 'nowhere.mp3')]);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/is not in the library/);
  });
});
