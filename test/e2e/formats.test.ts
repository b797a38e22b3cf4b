// Every listed format plays, and a track that cannot play is named: in Chromium against
// `tonearm serve`, a WMA and a WavPack file (which Chromium cannot decode) play through the
// media handler's ffmpeg; a 390-byte MP3 that claims 13:38 fails within seconds; a run of
// broken files names each one; playback.onError 'stop' stops on one; and with ffmpeg hidden
// from the host, the WMA is refused with the reason.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasFfmpeg, makeAudioFile } from '../support/audio.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { isBuilt, serveTonearm, tonearm, type ServedTonearm } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';
import { callApi, playExactly, playerView, trackIdsByTitle, waitForPlayer } from './support/player.ts';

/** An MPEG frame whose Xing header counts 31,320 frames (13:38 at 44.1 kHz), then zeros: 390 bytes. */
function brokenClaimingMp3(): Buffer {
  const frame = Buffer.alloc(390);
  frame.set([0xff, 0xfb, 0x90, 0x64], 0);
  frame.write('Xing', 36, 'latin1');
  frame.writeUInt32BE(3, 40);
  frame.writeUInt32BE(31_320, 44);
  frame.writeUInt32BE(31_320 * 417, 48);
  return frame;
}

describe.skipIf(!hasFfmpeg || !hasChromium || !isBuilt)('formats and failures in Chromium', () => {
  const dir = tempDir();
  const db = join(dir.path, 'catalog.sqlite');
  const music = join(dir.path, 'music');
  let served: ServedTonearm;
  let browser: Browser;
  let page: Page;
  const ids = new Map<string, number>();
  const play = (titles: string[]) => playExactly(page, titles, (title) => ids.get(title)!);
  const alertText = async () => (await page.getByRole('alert').allTextContents()).join(' ');

  const open = async (env: NodeJS.ProcessEnv = process.env) => {
    served = await serveTonearm(['--db', db], env);
    await page.goto(served.url);
    await page.waitForSelector('[data-track-id]');
  };

  beforeAll(async () => {
    await makeAudioFile(join(music, 'f', 'wma.wma'), 'wma', { title: 'Foreign WMA', track: '1' }, 4, 440);
    await makeAudioFile(join(music, 'f', 'wv.wv'), 'wv', { title: 'Foreign WavPack', track: '2' }, 4, 550);
    await makeAudioFile(join(music, 'f', 'good.mp3'), 'mp3', { title: 'Good Track', track: '3' }, 30, 660);
    // Past the longest track the player decodes whole: the <audio> element streams it, and seeks by Range.
    await makeAudioFile(join(music, 'f', 'long.wv'), 'wv', { title: 'Long WavPack', track: '5' }, 13 * 60, 330);
    await makeAudioFile(join(music, 'f', 'lead.mp3'), 'mp3', { title: 'Lead Track', track: '4' }, 30, 330);
    mkdirSync(join(music, 'b'));
    writeFileSync(join(music, 'b', 'Broken Claim.mp3'), brokenClaimingMp3());
    for (const name of ['Broken One', 'Broken Two', 'Broken Three']) {
      writeFileSync(join(music, 'b', `${name}.mp3`), Buffer.alloc(64 * 1024, 0x5a));
    }
    await tonearm(['scan', music, '--db', db, '--json']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    await open();
    for (const [title, id] of await trackIdsByTitle(served.base, served.token)) ids.set(title, id);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    dir.cleanup();
  });

  it('plays a WMA and a WavPack file, one after the other', async () => {
    await play(['Foreign WMA', 'Foreign WavPack']);
    await waitForPlayer(page, (v) => v.title === 'Foreign WMA' && v.status === 'playing' && v.position > 1);
    await waitForPlayer(page, (v) => v.title === 'Foreign WavPack' && v.status === 'playing' && v.position > 1, 15_000);
    expect(await alertText()).toBe('');
    await expect(page.locator('.queue-row.failed').count()).resolves.toBe(0);
  });

  it('streams a 13-minute WavPack file and seeks far into it', async () => {
    await play(['Long WavPack']);
    await waitForPlayer(page, (v) => v.title === 'Long WavPack' && v.status === 'playing' && v.position > 0.5);
    const bar = page.getByRole('slider', { name: 'Seek' });
    const box = (await bar.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
    const seeked = await waitForPlayer(page, (v) => v.position > 0.89 * 13 * 60 && v.status === 'playing', 15_000);
    await waitForPlayer(page, (v) => v.position > seeked.position + 1, 10_000);
    await page.getByRole('button', { name: 'Pause' }).click();
  });

  /** Plays `titles` from a good first track, then presses Next into the rest. */
  const playAfterLead = async (titles: string[]) => {
    await play(['Lead Track', ...titles]);
    await waitForPlayer(page, (v) => v.title === 'Lead Track' && v.status === 'playing');
    await page.getByRole('button', { name: 'Next' }).click();
  };

  it('fails a 390-byte MP3 that claims 13:38 within seconds, says so, and plays the next', async () => {
    await playAfterLead(['Broken Claim', 'Good Track']);
    const started = Date.now();
    await waitForPlayer(page, (v) => v.title === 'Good Track' && v.status === 'playing', 15_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await alertText()).toMatch(/Cannot play “Broken Claim”/);
  });

  it('gives up on a track that makes no sound (its media request never answers), and plays the next', async () => {
    const hung = ids.get('Good Track')!;
    // The request is left hanging: neither an error nor a byte, the case only the watchdog sees.
    await page.route(new RegExp(`/media/${hung}\\b`), () => {});
    try {
      await playAfterLead(['Good Track', 'Foreign WMA']);
      await waitForPlayer(page, (v) => v.title === 'Foreign WMA' && v.status === 'playing', 20_000);
      expect(await alertText()).toMatch(/Cannot play “Good Track”: no sound came for 8 s/);
    } finally {
      await page.unroute(new RegExp(`/media/${hung}\\b`));
    }
  });

  it('names each of several broken files in a row, and plays the one after', async () => {
    await playAfterLead(['Broken One', 'Broken Two', 'Broken Three', 'Good Track']);
    await waitForPlayer(page, (v) => v.title === 'Good Track' && v.status === 'playing', 30_000);
    await page.getByTestId('failures-toggle').click();
    const listed = (await page.getByTestId('failure-list').locator('li').allTextContents()).join('\n');
    for (const name of ['Broken One', 'Broken Two', 'Broken Three']) expect(listed).toContain(`Cannot play “${name}”`);
    await page.getByTestId('failures-toggle').click();
  });

  it("stops on a track that cannot play when playback.onError is 'stop'", async () => {
    await callApi(served.base, served.token, 'settings.set', { key: 'playback.onError', value: 'stop' });
    await playAfterLead(['Broken One', 'Good Track']);
    await expect.poll(alertText, { timeout: 15_000 }).toMatch(/Cannot play “Broken One”/);
    await page.waitForTimeout(1500);
    const view = await playerView(page);
    expect(view.title).toBe('Broken One');
    expect(view.status).toBe('idle');
    await callApi(served.base, served.token, 'settings.set', { key: 'playback.onError', value: 'skip' });
  });

  it('refuses a WMA with the reason when the host has no ffmpeg', async () => {
    await served.stop();
    await open({ ...process.env, TONEARM_FFMPEG: join(dir.path, 'no-ffmpeg-here') });
    await playAfterLead(['Foreign WMA']);
    await expect
      .poll(alertText, { timeout: 15_000 })
      .toMatch(
        /Cannot play “Foreign WMA”: this format \(Windows Media Audio V8\) needs ffmpeg, which is not installed\./,
      );
    // Settings says how many tracks wait for ffmpeg: the WMA and the two WavPack files.
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect
      .poll(() => page.getByTestId('format-support').textContent(), { timeout: 10_000 })
      .toMatch(/^3 tracks \(.*\) need ffmpeg, which is not installed/);
  });
});
