// A catalog of a few thousand tracks built once for a test file, and a fresh copy of it in a
// fresh folder for each test: tests that damage, back up or restore the file each get their own.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { buildCatalog } from '../../bench/views/catalog.ts';
import { tempDir } from './temp.ts';

export interface CatalogCopy {
  /** The test's own folder, the copy's. */
  readonly dir: string;
  readonly dbPath: string;
}

export function catalogCopies(tracks: number): CatalogCopy {
  const shared = tempDir();
  const pristine = join(shared.path, 'pristine.sqlite');
  let current: ReturnType<typeof tempDir> | null = null;
  const copy = { dir: '', dbPath: '' };
  beforeAll(() => buildCatalog({ dbPath: pristine, tracks, covers: 1 }), 60_000);
  afterAll(() => shared.cleanup());
  beforeEach(() => {
    current = tempDir();
    copy.dir = current.path;
    copy.dbPath = join(current.path, 'catalog.sqlite');
    copyFileSync(pristine, copy.dbPath);
  });
  afterEach(() => current?.cleanup());
  return copy;
}
