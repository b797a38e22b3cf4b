// The rescan's two-thread walk: the helper thread is reused walk after walk without piling up
// listeners, and a helper that dies mid-walk costs time, never the walk or a hang.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SplitWalker } from '../../../src/main/core/scanner/split-walk.ts';
import { PARSER_ENTRY } from '../../support/core.ts';
import { tempDir } from '../../support/temp.ts';

const dir = tempDir();
const root = join(dir.path, 'music');
const FOLDERS = 12;
const PER_FOLDER = 5;
for (let folder = 0; folder < FOLDERS; folder++) {
  mkdirSync(join(root, `album ${folder}`), { recursive: true });
  for (let track = 0; track < PER_FOLDER; track++) writeFileSync(join(root, `album ${folder}`, `${track}.mp3`), 'x');
}
afterAll(() => dir.cleanup());

function pathsOf(result: Awaited<ReturnType<SplitWalker['walk']>>): string[] {
  if (!result.ok) throw new Error(result.reason);
  return result.files.map((file) => file.path).sort();
}

describe('split walk', () => {
  it('walks 50 times with one helper thread and no MaxListeners warning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const walker = new SplitWalker(PARSER_ENTRY);
    try {
      for (let run = 0; run < 50; run++)
        expect(pathsOf(await walker.walk(root, () => {}))).toHaveLength(FOLDERS * PER_FOLDER);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
      walker.stop();
    }
  });

  it('finishes the walk when its helper thread dies in the middle of it, every time', async () => {
    const whole = new SplitWalker(PARSER_ENTRY);
    const expected = pathsOf(await whole.walk(root, () => {}));
    whole.stop();
    const walker = new SplitWalker(fileURLToPath(new URL('../../support/threads/dying-thread.ts', import.meta.url)));
    try {
      for (let run = 0; run < 3; run++) expect(pathsOf(await walker.walk(root, () => {}))).toEqual(expected);
    } finally {
      walker.stop();
    }
  });
});
