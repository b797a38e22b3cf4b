// `tonearm scan` on a disk that fills up: one sentence and exit 1 (or the summary with its
// error under --json), never a crash dump.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLibrary } from '../../../bench/library/generate.ts';
import { hasFfmpeg } from '../../support/audio.ts';
import { isRoot, mountTmpfs, notRootMessage, unmount } from '../../support/mounts.ts';
import { tonearmFromSource as tonearm } from '../../support/cli-source.ts';
import { tempDir } from '../../support/temp.ts';

const TRACKS = 1500;

if (!isRoot) console.warn(`tonearm scan on a full disk: skipped, ${notRootMessage}`);

describe.skipIf(!hasFfmpeg || !isRoot)('tonearm scan on a full disk', () => {
  const dir = tempDir();
  const music = join(dir.path, 'music');
  const mounts: string[] = [];

  beforeAll(async () => {
    await generateLibrary({ dir: music, tracks: TRACKS, seed: 9, durationS: 1, coverRatio: 0 });
  });
  afterAll(() => {
    for (const mount of mounts) unmount(mount);
    dir.cleanup();
  });

  it('prints one sentence and exits 1', async () => {
    const small = join(dir.path, 'small-text');
    mountTmpfs(small, '1m');
    mounts.push(small);
    const db = join(small, 'catalog.sqlite');
    const { code, stdout, stderr } = await tonearm(['scan', music, '--db', db]);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      new RegExp(
        `^Scan stopped: the disk holding ${db} is full \\(\\d+ tracks? (was|were) saved\\)\\. Free some space and scan again\\.\\n$`,
      ),
    );
    expect(code).toBe(1);
  });

  it('puts the error in the --json summary', async () => {
    const small = join(dir.path, 'small-json');
    mountTmpfs(small, '1m');
    mounts.push(small);
    const { code, stdout, stderr } = await tonearm(['scan', music, '--db', join(small, 'catalog.sqlite'), '--json']);
    expect(stderr).toBe('');
    const summary = JSON.parse(stdout) as { tracks: number; added: number; error: { code: string; message: string } };
    expect(summary.error).toMatchObject({
      code: 'DISK_FULL',
      message: expect.stringMatching(/^Scan stopped: the disk/),
    });
    expect(summary.tracks).toBeLessThan(TRACKS);
    expect(code).toBe(1);
  });
});
