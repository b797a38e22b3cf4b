// library.browse: a folder's subfolders (no files, no hidden or system folders) and the
// places to start from, with a sentence for what cannot be opened.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browseFolder, browsePlaces } from '../../src/main/core/roots/folder-browser.ts';
import { tempDir } from '../support/temp.ts';

describe('the folder browser', () => {
  const dir = tempDir();
  const home = join(dir.path, 'home');
  for (const folder of ['Music/Jazz', 'Music/Rock', 'Music/10 live', 'Music/2 demos', 'Music/.cache']) {
    mkdirSync(join(home, folder), { recursive: true });
  }
  writeFileSync(join(home, 'Music', 'cover.jpg'), '');
  symlinkSync(join(home, 'Music', 'Jazz'), join(home, 'Music', 'Linked'));
  afterAll(() => dir.cleanup());

  it('lists subfolders in order, links to folders included, files and hidden ones left out', async () => {
    const listing = await browseFolder('~/Music', home);
    expect(listing.path).toBe(join(home, 'Music'));
    expect(listing.parent).toBe(home);
    expect(listing.canAdd).toBe(true);
    expect(listing.folders.map((folder) => folder.name)).toEqual(['2 demos', '10 live', 'Jazz', 'Linked', 'Rock']);
  });

  it('starts from the places, home first, and never offers a system folder', async () => {
    const start = await browseFolder(undefined, home);
    expect(start.path).toBeNull();
    expect(start.places[0]).toEqual({ label: 'Home', path: home, kind: 'home' });
    const places = await browsePlaces(home, [
      { mountPoint: '/proc', fsType: 'proc' },
      { mountPoint: join(dir.path, 'missing'), fsType: 'nfs' },
      { mountPoint: dir.path, fsType: 'fuse.sshfs' },
    ]);
    expect(places.map((place) => place.path)).toContain(dir.path);
    expect(places.map((place) => place.path)).not.toContain('/proc');
    const root = await browseFolder('/', home);
    expect(root.canAdd).toBe(false);
    for (const name of ['proc', 'sys', 'dev', 'etc', 'usr', 'bin']) {
      expect(root.folders.map((folder) => folder.name)).not.toContain(name);
    }
  });

  it('says in a sentence why a folder cannot be opened', async () => {
    await expect(browseFolder('Music', home)).rejects.toMatchObject({ code: 'BAD_INPUT', message: /not a full path/ });
    const gone = join(home, 'gone');
    await expect(browseFolder(gone, home)).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      message: `Cannot open ${gone}: ${gone} does not exist`,
    });
    const file = join(home, 'Music', 'cover.jpg');
    await expect(browseFolder(file, home)).rejects.toMatchObject({
      message: `Cannot open ${file}: ${file} is a file, not a folder`,
    });
  });
});
