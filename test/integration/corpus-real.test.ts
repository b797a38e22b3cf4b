// Every file of music-metadata's own torture corpus (../shared/corpus-real): indexed, or
// listed with a clear scan error. The scan completes; nothing crashes or hangs.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isAudioFileName } from '../../src/main/core/scanner/walk.ts';
import { testCore } from '../support/core.ts';
import { tempDir } from '../support/temp.ts';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus-real/music-metadata', import.meta.url));
const present = existsSync(CORPUS);
if (!present) console.warn(`corpus-real test skipped: ${CORPUS} is absent (it lives in ../shared beside the project)`);

function audioFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return audioFiles(path);
    return isAudioFileName(entry.name) ? [path] : [];
  });
}

describe.skipIf(!present)('the real-world corpus', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('indexes every audio file or gives it a clear scan error', async () => {
    const core = testCore(join(dir.path, 'catalog.sqlite'));
    try {
      await core.addRoot(CORPUS);
      const summary = await core.scanner.start().done;
      const files = audioFiles(CORPUS);
      expect(files.length).toBeGreaterThan(150);
      expect(summary.tracks).toBe(files.length);
      expect(summary.offlineRoots).toEqual([]);

      const listed = new Map(
        (core.catalog.db.prepare('SELECT path, title FROM tracks').all() as { path: string; title: string }[]).map(
          (r) => [r.path, r.title],
        ),
      );
      const errors = new Map(
        (
          core.catalog.db.prepare('SELECT path, message FROM scan_errors').all() as { path: string; message: string }[]
        ).map((r) => [r.path, r.message]),
      );
      for (const file of files) {
        expect(listed.has(file), file).toBe(true);
        expect(listed.get(file)!.length, `title of ${file}`).toBeGreaterThan(0);
      }
      expect(summary.failed).toBe(errors.size);
      for (const [path, message] of errors) {
        expect(listed.has(path), path).toBe(true);
        expect(message.length, path).toBeGreaterThan(10);
        expect(message, path).not.toMatch(/undefined|\[object/);
      }
    } finally {
      await core.close();
    }
  });
});
