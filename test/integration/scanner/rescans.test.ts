// Fifty rescans in one process, as a long-running app does them: the threads behind a scan
// are reused or replaced without piling up listeners (a MaxListenersExceededWarning would be
// printed from whichever thread leaked, so the process's stderr is watched as well).
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/core.ts';
import { hasFfmpeg } from '../../support/audio.ts';
import { testCore } from '../../support/core.ts';
import { smallLibrary } from '../../support/library.ts';
import { tempDir } from '../../support/temp.ts';

describe.skipIf(!hasFfmpeg)('rescans', () => {
  const dir = tempDir();
  let core: Core | undefined;
  afterAll(async () => {
    await core?.close();
    dir.cleanup();
  });

  it('runs 50 rescans in one process with no MaxListeners warning', async () => {
    const music = join(dir.path, 'music');
    await smallLibrary(music, 30);
    core = testCore(join(dir.path, 'catalog.sqlite'));
    await core.addRoot(music);
    expect((await core.scanner.start().done).added).toBe(30);

    const printed: string[] = [];
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      printed.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof process.stderr.write;
    process.on('warning', onWarning);
    try {
      for (let run = 0; run < 50; run++) {
        const summary = await core.scanner.start().done;
        expect(summary.unchanged).toBe(30);
      }
      // Warnings from a thread reach this process's stderr a moment later.
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      process.off('warning', onWarning);
      process.stderr.write = write;
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
    expect(printed.join('')).not.toMatch(/MaxListeners/);
  }, 60_000);
});
