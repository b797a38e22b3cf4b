// sharp is only for thumbnails: `tonearm scan` and `tonearm query` must start without
// libvips, and the first thumbnail the host serves still loads it.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { isBuilt, TONEARM_BIN } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';

const RECORDER = fileURLToPath(new URL('../support/record-sharp.js', import.meta.url));

async function run(args: string[]): Promise<string> {
  const { stderr } = await promisify(execFile)(process.execPath, ['--import', RECORDER, TONEARM_BIN, ...args]);
  return stderr;
}

describe.skipIf(!isBuilt)('sharp is loaded lazily', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('is not loaded by tonearm scan or tonearm query', async () => {
    const music = join(dir.path, 'music');
    mkdirSync(music);
    const db = join(dir.path, 'catalog.sqlite');
    expect(await run(['scan', music, '--db', db, '--json'])).toContain('sharp loaded: false');
    expect(await run(['query', '--db', db, '--json'])).toContain('sharp loaded: false');
  });

  it('is noticed by the recorder when something does load it', async () => {
    const { stderr } = await promisify(execFile)(process.execPath, [
      '--import',
      RECORDER,
      '--input-type=module',
      '-e',
      "await import('sharp')",
    ]);
    expect(stderr).toContain('sharp loaded: true');
  });
});
