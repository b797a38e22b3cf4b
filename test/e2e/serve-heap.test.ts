// `tonearm serve` runs with a small young generation (bin/tonearm.js): started once more in
// place, so the process the caller started is the one serving, with the flag.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { isBuilt, serveTonearm, TONEARM_BIN, type ServedTonearm } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';

describe.skipIf(!isBuilt || process.platform !== 'linux')('tonearm serve', () => {
  const dir = tempDir();
  let served: ServedTonearm | undefined;
  afterAll(async () => {
    await served?.stop();
    dir.cleanup();
  });

  it('serves from the process it was started as, with a young generation of 2 MB', async () => {
    const music = join(dir.path, 'music');
    mkdirSync(music);
    const db = join(dir.path, 'catalog.sqlite');
    await promisify(execFile)(process.execPath, [TONEARM_BIN, 'scan', music, '--db', db]);
    served = await serveTonearm(['--db', db]);
    const argv = readFileSync(`/proc/${served.process.pid}/cmdline`, 'utf8').split('\0');
    expect(argv).toContain('--max-semi-space-size=2');
    expect(argv).toContain('serve');
    const reply = await fetch(`${served.base}/?token=${served.token}`);
    expect(reply.status).toBe(200);
  });
});
