// The log file end to end: `tonearm scan` and `tonearm serve` write to the one file in the data
// folder; a track that cannot be played in Chromium is reported by the page and lands in it,
// beside the scan's summary and the file that failed to parse. Settings shows where it is.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasFfmpeg, makeAudioFile } from '../support/audio.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { isBuilt, serveTonearm, TONEARM_BIN, type ServedTonearm } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';
import { playExactly, trackIdsByTitle, waitForPlayer } from './support/player.ts';

describe.skipIf(!hasFfmpeg || !hasChromium || !isBuilt)('the log file', () => {
  const dir = tempDir();
  const db = join(dir.path, 'catalog.sqlite');
  const logFile = join(dir.path, 'logs', 'tonearm.log');
  const music = join(dir.path, 'music');
  let served: ServedTonearm;
  let browser: Browser;
  let page: Page;
  const ids = new Map<string, number>();
  const logged = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');

  beforeAll(async () => {
    await makeAudioFile(join(music, 'Fine.mp3'), 'mp3', { title: 'Fine' }, 3, 440);
    // Listed (an MP3 with no frame music-metadata minds) but undecodable: it fails in the player.
    writeFileSync(join(music, 'Broken Track.mp3'), Buffer.alloc(64 * 1024, 0x5a));
    // Not even a FLAC header: it fails to parse, a scan error.
    writeFileSync(join(music, 'Not Audio.flac'), Buffer.from('this is not a flac file'));
    // From a folder with no package.json above it, as an installed command runs.
    await promisify(execFile)(process.execPath, [TONEARM_BIN, 'scan', music, '--db', db, '--json'], { cwd: dir.path });
    served = await serveTonearm(['--db', db]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    await page.goto(served.url);
    await page.waitForSelector('[data-track-id]');
    for (const [title, id] of await trackIdsByTitle(served.base, served.token)) ids.set(title, id);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    dir.cleanup();
  });

  it('has the scan: its start, its summary and the file that could not be read', () => {
    const text = logged();
    expect(text).toMatch(/\[info\] +tonearm scan: tonearm scan \S+ started/);
    expect(text).toMatch(/tonearm scan: scan 1 started: .*music/);
    expect(text).toMatch(/tonearm scan: scan 1 finished in \d+ ms: 3 added, .* 1 failed; 3 tracks/);
    expect(text).toMatch(/\[warn\] +tonearm scan: scan 1: 1 file\(s\) could not be read:\n {2}.*Not Audio\.flac: /);
    expect(text).toMatch(/\[info\] +tonearm serve: tonearm serve \S+ started/);
  });

  it('has a playback error reported by the page, with the track and its file', async () => {
    await playExactly(page, ['Fine', 'Broken Track'], (title) => ids.get(title)!);
    await page.getByRole('button', { name: 'Next' }).click();
    await waitForPlayer(page, (v) => v.status !== 'loading' && v.title !== 'Fine', 15_000);
    const brokenId = ids.get('Broken Track')!;
    await expect
      .poll(logged, { timeout: 15_000 })
      .toMatch(
        new RegExp(`\\[warn\\] +tonearm serve: playback error \\(track ${brokenId}, .*Broken Track\\.mp3\\): \\S`),
      );
  });

  it('is named in Settings, whose button shows its folder in a browser', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByTestId('log-file-path').textContent()).resolves.toBe(logFile);
    await page.getByRole('button', { name: 'Open log folder' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'log folder' }).textContent()).resolves.toBe(
      `The log folder is ${dirname(logFile)}`,
    );
  });
});
