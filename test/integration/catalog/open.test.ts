// Opening the catalog where it cannot be opened: the error is a sentence that names the file
// and says what to do, not SQLite's "unable to open database file".
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/core/catalog/open.ts';
import { isRoot, mountTmpfs, notRootMessage, unmount } from '../../support/mounts.ts';
import { tempDir } from '../../support/temp.ts';
import { execFileSync } from 'node:child_process';

if (!isRoot) console.warn(`a read-only disk: skipped, ${notRootMessage}`);

describe('opening the catalog', () => {
  const dir = tempDir();
  const disk = join(dir.path, 'disk');
  afterEach(() => {
    unmount(disk);
    dir.cleanup();
  });

  it.skipIf(!isRoot)('names the file and the way out on a read-only disk', () => {
    mountTmpfs(disk, '1m');
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    const dbPath = join(disk, 'catalog.sqlite');
    expect(() => openDatabase(dbPath)).toThrow(
      `The catalog ${dbPath} cannot be opened. Check that its folder exists and is writable.`,
    );
  });
});
