// The Network cache section of the Settings pane, in Chromium against `tonearm serve`: a
// folder made a network folder with its control, a chunk size refused out of range with a
// clear message, a chunk size accepted and then used by the next fetch from the share.
import { openLibrary } from './support/open-library.ts';
import { callApi } from './support/player.ts';
import { screenshotPath } from './support/screenshots.ts';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasFfmpeg, makeAudioFile } from '../support/audio.ts';
import { hasChromium } from '../support/browser.ts';
import { isBuilt, type ServedTonearm } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';

describe.skipIf(!hasFfmpeg || !hasChromium || !isBuilt)('Network cache settings in Chromium', () => {
  const dir = tempDir();
  let served: ServedTonearm;
  const api = <T>(name: string, input: unknown) => callApi<T>(served.base, served.token, name, input);
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let music: string;

  beforeAll(async () => {
    music = join(dir.path, 'music');
    // 30 s of FLAC: a few MB, more than one chunk of any size tried here.
    await makeAudioFile(join(music, 'Long Take.flac'), 'flac', { title: 'Long Take', artist: 'Cache' }, 30, 440);
    const db = join(dir.path, 'catalog.sqlite');
    ({ served, browser, page, errors } = await openLibrary({ music, db, viewport: { width: 1100, height: 900 } }));
    await page.getByRole('button', { name: 'Settings' }).click();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    dir.cleanup();
  });

  it('turns a local folder into a network folder with its control', async () => {
    const select = page.getByRole('combobox', { name: `Kind of ${music}` });
    await expect(select.inputValue()).resolves.toBe('detected');
    await select.selectOption('network');
    await page.locator('.roots .badge', { hasText: 'network' }).waitFor();
    const roots = await api<
      {
        kind: string;
        kindOverride: string | null;
      }[]
    >('library.roots', {});
    expect(roots).toMatchObject([{ kind: 'network', kindOverride: 'network' }]);
  });

  it('refuses an out-of-range chunk size with a clear message, and keeps the old value', async () => {
    const field = page.locator('[data-setting="cache.chunkSizeKB"]');
    await expect(field.locator('.setting-range').textContent()).resolves.toBe('64–32768 KB');
    const input = field.locator('input');
    await input.fill('100000');
    await input.press('Enter');
    await expect(field.getByRole('alert').textContent()).resolves.toBe(
      'Chunk size must be a whole number from 64 to 32768 KB.',
    );
    const settings = await api<Record<string, unknown>>('settings.get', {});
    expect(settings['cache.chunkSizeKB']).not.toBe(100000);
  });

  it('uses a new chunk size for the next fetch from the share', async () => {
    const field = page.locator('[data-setting="cache.chunkSizeKB"]');
    const input = field.locator('input');
    await input.fill('256');
    await input.press('Enter');
    await expect
      .poll(async () => (await api<Record<string, unknown>>('settings.get', {}))['cache.chunkSizeKB'])
      .toBe(256);
    await expect(field.getByRole('alert').count()).resolves.toBe(0);

    const tracks = await api<{ rows: { id: number }[] }>('library.tracks', { offset: 0, limit: 1 });
    const id = tracks.rows[0]!.id;
    const response = await fetch(`${served.base}/media/${id}?token=${served.token}`, {
      headers: { Range: 'bytes=0-999' },
    });
    expect(response.status).toBe(206);
    expect((await response.arrayBuffer()).byteLength).toBe(1000);
    const stats = await api<{
      lastFetchChunkBytes: number;
      entries: number;
    }>('cache.stats', {});
    expect(stats.lastFetchChunkBytes).toBe(256 * 1024);
    await expect(page.getByTestId('cache-last-chunk').textContent()).resolves.toContain('256 KB');
    await expect.poll(() => page.getByTestId('cache-bytes').textContent()).toMatch(/in 1 file/);
    await page
      .locator('section[aria-label="Network cache"]')
      .screenshot({ path: screenshotPath('cache-settings.png') });
  });

  it('plays the network track through the cache in the Songs view', async () => {
    await page.getByRole('button', { name: 'Songs' }).click();
    await page.locator('.song-row', { hasText: 'Long Take' }).dblclick();
    await expect.poll(() => page.getByTestId('now-playing-title').textContent()).toBe('Long Take');
    // However the player fetches it (an element streaming, or a whole-file decode), the bytes
    // come through the media handler's cache.
    await expect
      .poll(async () => {
        const stats = await api<{
          bytesFromShare: number;
          bytesFromCache: number;
        }>('cache.stats', {});
        return stats.bytesFromShare + stats.bytesFromCache;
      })
      .toBeGreaterThan(100_000);
  });

  it('logs no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
