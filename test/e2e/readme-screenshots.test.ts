// The README's pictures, from a generated library of 300 tracks with covers: the Songs view
// with a search, the Albums, Artists, Genres and Folders views, and an import of a bigger
// folder while it runs. They go to
// docs/screenshots only through `npm run screenshots` (support/screenshots.ts).
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLibrary, type Manifest } from '../../bench/library/generate.ts';
import { hasFfmpeg } from '../support/audio.ts';
import { hasChromium } from '../support/browser.ts';
import { isBuilt, type ServedTonearm } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';
import { openLibrary } from './support/open-library.ts';
import { callApi } from './support/player.ts';
import { songCount } from './support/views.ts';
import { screenshotPath } from './support/screenshots.ts';

/** The artist with the most tracks: a search that finds a screenful. */
function busiestArtist(manifest: Manifest): string {
  const counts = new Map<string, number>();
  for (const track of manifest.tracks) counts.set(track.artist, (counts.get(track.artist) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/** Every cover on screen has loaded (they load lazily, so those off screen may never). */
const coversLoaded = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLImageElement>('img.cover')]
      .filter((img) => img.getBoundingClientRect().left < window.innerWidth)
      .every((img) => img.complete && img.naturalWidth > 0),
  );

describe.skipIf(!hasFfmpeg || !hasChromium || !isBuilt)('README screenshots', () => {
  const dir = tempDir();
  let served: ServedTonearm;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let manifest: Manifest;

  beforeAll(async () => {
    const music = join(dir.path, 'music');
    manifest = await generateLibrary({ dir: music, tracks: 300, seed: 21, durationS: 2, coverRatio: 1 });
    ({ served, browser, page, errors } = await openLibrary({
      music,
      db: join(dir.path, 'catalog.sqlite'),
      viewport: { width: 1280, height: 760 },
    }));
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    dir.cleanup();
  });

  it('shows the Songs view with a search', async () => {
    const artist = busiestArtist(manifest);
    await page
      .getByRole('searchbox', { name: 'Search the library' })
      .or(page.getByLabel('Search the library'))
      .fill(artist);
    await expect
      .poll(() => page.locator('.song-row[data-track-id] .col-artist').first().textContent())
      .toContain(artist);
    await page.waitForSelector('.album-card img.cover');
    await expect.poll(() => coversLoaded(page)).toBe(true);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: screenshotPath('songs.png') });
  });

  it('shows the Albums view with covers', async () => {
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('');
    await page.getByRole('button', { name: 'Albums', exact: true }).click();
    await page.waitForSelector('.album-card img.cover');
    await expect.poll(() => coversLoaded(page)).toBe(true);
    await page.screenshot({ path: screenshotPath('albums.png') });
  });

  it('shows the Artists, Genres and Folders views', async () => {
    for (const view of ['Artists', 'Genres', 'Folders']) {
      await page.getByRole('navigation').getByRole('button', { name: view, exact: true }).click();
      await page.getByRole('heading', { name: view, exact: true }).waitFor();
      // Its rows and covers arrive over the socket just after the heading.
      await page.waitForTimeout(700);
      if (view === 'Folders') {
        // A folder open, its subfolders and its tracks beside them.
        await page.locator('.folder-tree .twisty').first().click();
        await page.locator('.folder-tree .folder-node').nth(1).click();
        await page.waitForSelector('.folder-tracks [data-track-id]');
      }
      await expect.poll(() => coversLoaded(page)).toBe(true);
      await page.screenshot({ path: screenshotPath(`${view.toLowerCase()}.png`) });
    }
  });

  it('shows an import while it runs', async () => {
    await page.getByRole('button', { name: 'Songs', exact: true }).click();
    const more = join(dir.path, 'more');
    await generateLibrary({ dir: more, tracks: 3000, seed: 22, durationS: 2, formats: { mp3: 3, flac: 1 } });
    await callApi(served.base, served.token, 'library.addRoot', { path: more });
    await callApi(served.base, served.token, 'scan.start', {});
    const progress = page.getByRole('status', { name: 'Scan progress' });
    await progress.waitFor();
    // A moment into the scan, when its rows are streaming into the list beside the bar.
    await expect.poll(() => songCount(page), { timeout: 60_000, interval: 50 }).toBeGreaterThan(600);
    await expect(progress.isVisible()).resolves.toBe(true);
    await page.screenshot({ path: screenshotPath('import.png') });
  });

  it('logs no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
