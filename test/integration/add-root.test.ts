// library.addRoot: only whole paths of real folders that neither hold nor sit in another root.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testCore } from '../support/core.ts';
import { tempDir } from '../support/temp.ts';

describe('adding a library folder', () => {
  const dir = tempDir();
  const music = join(dir.path, 'music');
  mkdirSync(join(music, 'jazz'), { recursive: true });
  const core = testCore(join(dir.path, 'catalog.sqlite'));
  afterAll(async () => {
    await core.close();
    dir.cleanup();
  });

  it('refuses relative paths, system folders and folders around or inside a root', async () => {
    await core.addRoot(music);
    await expect(core.addRoot('music')).rejects.toMatchObject({ code: 'BAD_INPUT', message: /not a full path/ });
    await expect(core.addRoot('/')).rejects.toMatchObject({ code: 'BAD_INPUT', message: /system folder/ });
    await expect(core.addRoot('/proc')).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(core.addRoot(dir.path)).rejects.toMatchObject({ code: 'BAD_INPUT', message: /overlaps/ });
    await expect(core.addRoot(join(music, 'jazz'))).rejects.toMatchObject({ code: 'BAD_INPUT', message: /overlaps/ });
    expect(core.catalog.roots.list().map((root) => root.path)).toEqual([music]);
  });

  it('says in words why a folder cannot be added', async () => {
    const gone = join(dir.path, 'gone');
    await expect(core.addRoot(gone)).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      message: `Cannot add ${gone}: ${gone} does not exist`,
    });
    const file = join(dir.path, 'catalog.sqlite');
    await expect(core.addRoot(join(file, 'inside'))).rejects.toMatchObject({
      message: `Cannot add ${join(file, 'inside')}: part of ${join(file, 'inside')} is not a folder`,
    });
    await expect(core.addRoot(file)).rejects.toMatchObject({ message: `Cannot add ${file}: it is not a folder` });
  });
});
