// The walking skeleton end to end, in real Chromium against `tonearm serve`: the Songs view
// lists the catalog, a double-click plays through the media URL, a seek is a Range request.
import { screenshotPath } from './support/screenshots.ts';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasFfmpeg, makeAudioFile } from '../support/audio.ts';
import { collectPageErrors, hasChromium, launchChromium } from '../support/browser.ts';
import { isBuilt, serveTonearm, tonearm, type ServedTonearm } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';

describe.skipIf(!hasFfmpeg || !hasChromium || !isBuilt)('Songs view in Chromium', () => {
  const dir = tempDir();
  let served: ServedTonearm;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const mediaRequests: { at: number; range: string | null; request: Request }[] = [];

  beforeAll(async () => {
    const music = join(dir.path, 'music');
    await makeAudioFile(
      join(music, 'Quiet Storm', '01 First Light.mp3'),
      'mp3',
      { title: 'First Light', artist: 'The Testers', album: 'Quiet Storm', track: '1' },
      6,
    );
    // Long enough (12 min, ~127 MB) that Chromium has not buffered the far end when we seek there.
    await makeAudioFile(
      join(music, 'Quiet Storm', '02 Long Road.wav'),
      'wav',
      { title: 'Long Road', artist: 'The Testers', album: 'Quiet Storm', track: '2' },
      720,
      330,
    );
    await makeAudioFile(
      join(music, 'Quiet Storm', '03 Nightfall.flac'),
      'flac',
      { title: 'Nightfall', artist: 'The Testers', album: 'Quiet Storm', track: '3' },
      5,
      550,
    );
    const db = join(dir.path, 'catalog.sqlite');
    const scan = JSON.parse((await tonearm(['scan', music, '--db', db, '--json'])).stdout) as { added: number };
    expect(scan.added).toBe(3);
    served = await serveTonearm(['--db', db]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1100, height: 640 } });
    errors = collectPageErrors(page);
    // Loopback delivers the whole file in a second; at NAS-like speed Chromium must come back
    // with a Range request when the user seeks past what it has.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 5,
      downloadThroughput: 2_000_000,
      uploadThroughput: -1,
    });
    page.on('request', (request) => {
      if (request.url().includes('/media/')) {
        mediaRequests.push({ at: Date.now(), range: request.headers()['range'] ?? null, request });
      }
    });
    await page.goto(served.url);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    dir.cleanup();
  });

  it('lists the catalog in the Songs view', async () => {
    await page.waitForSelector('.song-row[data-track-id]');
    const titles = await page.locator('.song-row[data-track-id] .col-title').allTextContents();
    expect(titles).toEqual(['First Light', 'Long Road', 'Nightfall']);
    await page.screenshot({ path: screenshotPath('songs-three-tracks.png') });
  });

  it('plays a track on double-click, and its time advances', async () => {
    await page.locator('.song-row', { hasText: 'Long Road' }).dblclick();
    await page.waitForFunction(() => {
      const audio = document.querySelector<HTMLAudioElement>('audio[data-testid="audio-output"]');
      return audio !== null && !audio.paused && audio.currentTime > 0.5;
    });
    await expect(page.getByTestId('now-playing-title').textContent()).resolves.toBe('Long Road');
  });

  it('seeks with a Range request answered 206', async () => {
    const seekedAt = Date.now();
    const bar = page.getByRole('slider', { name: 'Seek' });
    const box = (await bar.boundingBox())!;
    // The element asks for the far end a moment after its currentTime already says it is there.
    const asked = page.waitForRequest(
      (r) => r.url().includes('/media/') && /^bytes=[1-9]/.test(r.headers()['range'] ?? ''),
    );
    await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
    await page.waitForFunction(() => {
      const audio = document.querySelector<HTMLAudioElement>('audio[data-testid="audio-output"]');
      return audio !== null && audio.currentTime > 600 && !audio.paused;
    });
    await asked.catch(() => null);
    const seekRequest = mediaRequests.find((r) => r.at >= seekedAt && r.range && !/^bytes=0-/.test(r.range));
    expect(seekRequest, JSON.stringify(mediaRequests.map((r) => r.range))).toBeDefined();
    const response = await seekRequest!.request.response();
    expect(response?.status()).toBe(206);
    expect(response?.headers()['content-range']).toMatch(
      new RegExp(`^bytes ${seekRequest!.range!.slice(6, -1)}-\\d+/\\d+$`),
    );
  });

  it('logs no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
