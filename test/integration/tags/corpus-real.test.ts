// Every file of ../shared/corpus-real in a format Tonearm writes, copied and edited: written
// with the audio and the other tags untouched, or refused with a clear sentence naming the
// file — never a crash, never a damaged file. Files of other formats are refused as read-only.
import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { errorSentence } from '../../../src/shared/error-text.ts';
import { writableFormat } from '../../../src/main/core/tags/formats.ts';
import { readTags } from '../../../src/main/core/tags/tag-file.ts';
import { tagOperations } from '../../../src/main/core/tags/tag-thread.ts';
import { isAudioFileName } from '../../../src/main/core/scanner/walk.ts';
import { hasFfmpeg } from '../../support/audio.ts';
import { decodedMd5, probeTags, untouched } from '../../support/tag-proof.ts';
import { tempDir } from '../../support/temp.ts';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus-real/music-metadata', import.meta.url));
const present = existsSync(CORPUS);
if (!present)
  console.warn(`tag corpus-real test skipped: ${CORPUS} is absent (it lives in ../shared beside the project)`);

function audioFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return audioFiles(path);
    return isAudioFileName(entry.name) ? [path] : [];
  });
}

describe.skipIf(!present || !hasFfmpeg)('tag edits on the real-world corpus', () => {
  const dir = tempDir();
  const ops = tagOperations(join(dir.path, 'covers'));
  afterAll(() => dir.cleanup());

  it('writes each file the library can write without harm, and refuses the rest clearly', async () => {
    const files = audioFiles(CORPUS).filter((path) => writableFormat(path));
    expect(files.length).toBeGreaterThan(100);
    const outcome = { written: 0, refused: [] as string[] };
    for (const [index, source] of files.entries()) {
      const path = join(dir.path, `${index}-${basename(source)}`);
      copyFileSync(source, path);
      chmodSync(path, 0o644); // ../shared is laid out read-only
      const original = readFileSync(path);
      const [md5, tags] = [await decodedMd5(path), await probeTags(path)];
      let before;
      try {
        before = (await ops.read(path)).fields;
        await ops.rewrite(path, { album: 'Tonearm Round Trip' }, undefined);
      } catch (err) {
        const sentence = errorSentence(err, { path });
        expect(sentence, path).toContain(path);
        expect(sentence, path).not.toMatch(/undefined|\[object/);
        // A refused file is left exactly as it was, and no temporary file is left beside it.
        expect(readFileSync(path).equals(original), path).toBe(true);
        outcome.refused.push(`${basename(source)}: ${sentence.slice(path.length + 2)}`);
        continue;
      }
      outcome.written++;
      expect(readTags(path).fields, source).toEqual({ ...before, album: 'Tonearm Round Trip' });
      expect(await decodedMd5(path), source).toBe(md5);
      if (tags) {
        const kept = untouched(tags, (await probeTags(path)) ?? {}, ['album']);
        expect(kept.after, source).toEqual(kept.before);
      }
    }
    expect(readdirSync(dir.path).filter((name) => name.includes('.tonearm-'))).toEqual([]);
    console.log(
      `corpus-real: ${outcome.written} written, ${outcome.refused.length} refused:\n${outcome.refused.join('\n')}`,
    );
    expect(outcome.written).toBeGreaterThan(files.length / 2);
  }, 300_000);
});
