// The library views in real Chromium against `tonearm serve`: browse the albums, open one,
// search without diacritics and play what was found; then an import running in the
// background adds rows to the open Songs view while it runs, and the row the user selected
// stays selected and where it was on screen.
import { openLibrary } from './support/open-library.ts';
import { callApi } from './support/player.ts';
import { songCount } from './support/views.ts';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLibrary, type Manifest } from '../../bench/library/generate.ts';
import { foldText } from '../../src/main/core/catalog/sort-key.ts';
import { hasFfmpeg } from '../support/audio.ts';
import { hasChromium } from '../support/browser.ts';
import { isBuilt, type ServedTonearm } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';

describe.skipIf(!hasFfmpeg || !hasChromium || !isBuilt)('library views in Chromium', () => {
  const dir = tempDir();
  let served: ServedTonearm;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let manifest: Manifest;

  beforeAll(async () => {
    const music = join(dir.path, 'music');
    manifest = await generateLibrary({ dir: music, tracks: 90, seed: 11, durationS: 3, formats: { mp3: 1 } });
    const db = join(dir.path, 'catalog.sqlite');
    ({ served, browser, page, errors } = await openLibrary({
      music,
      db,
      viewport: { width: 1200, height: 700 },
      waitFor: '.track-row[data-track-id]',
    }));
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    dir.cleanup();
  });

  it('browses the albums and opens one', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Albums' }).click();
    const card = page.locator('.album-card[data-album-id]').first();
    await card.waitFor();
    const title = (await card.locator('.album-title').textContent())!;
    const planned = manifest.tracks.filter((track) => track.album === title);
    await card.click();
    await page.waitForSelector('.album-page .track-row[data-track-id]');
    await expect(page.locator('.view-title').textContent()).resolves.toBe(title);
    const tracks = await page.locator('.album-page .track-row[data-track-id] .col-title').allTextContents();
    expect(new Set(tracks)).toEqual(new Set(planned.map((track) => track.title)));
    // Back to the grid, then keyboard: arrows move between cards, Enter opens.
    await page.getByRole('button', { name: 'Back' }).click();
    await page.locator('.album-card[data-album-id]').first().waitFor();
  });

  it('finds a name with diacritics typed without them, grouped, and plays a result', async () => {
    // A word with a diacritic in an album artist's name ("Rós"), typed plainly ("ros").
    const artist = manifest.tracks
      .map((track) => track.albumArtist)
      .find((name) => foldText(name) !== name.toLowerCase())!;
    const word = artist.split(/\s+/).find((w) => foldText(w) !== w.toLowerCase())!;
    const plain = foldText(word).replace(/[^a-z]/g, '');
    expect(plain.length).toBeGreaterThan(1);
    await page.getByRole('searchbox', { name: 'Search the library' }).fill(plain);
    await page.waitForSelector('.search-view .track-row[data-track-id]');
    await expect(page.locator('.search-view .artist-chip').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining(artist)]),
    );
    // The albums' covers, held back while the text changes, come once the typing has paused.
    const albums = page.locator('.search-view .album-card');
    await expect.poll(() => albums.locator('img.cover').count()).toBeGreaterThan(0);
    await expect.poll(() => albums.locator('div.cover:not(.cover-none)').count()).toBe(0);
    const expected = manifest.tracks.filter((track) =>
      [track.title, track.artist, track.album, track.albumArtist, track.genre, track.composer].some((text) =>
        (foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []).some((word) => word.startsWith(plain)),
      ),
    );
    await expect
      .poll(async () => Number(await page.locator('.songs-group .group-count').textContent()))
      .toBe(expected.length);

    const first = page.locator('.search-view .track-row[data-track-id]').first();
    const title = (await first.locator('.col-title').textContent())!;
    await first.dblclick();
    await expect.poll(() => page.getByTestId('now-playing-title').textContent(), { timeout: 20_000 }).toBe(title);
    await page.getByRole('button', { name: 'Pause' }).waitFor({ timeout: 20_000 });

    await page.getByRole('searchbox', { name: 'Search the library' }).press('Escape');
    await page.getByRole('navigation').getByRole('button', { name: 'Songs' }).click();
  });

  it('selects with the keyboard and the mouse, chooses columns, and acts on a selection from its menu', async () => {
    const rows = page.locator('.track-row[data-track-id]');
    await rows.nth(1).click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => page.locator('.track-row[aria-selected="true"]').count()).toBe(3);
    await rows.nth(6).click({ modifiers: ['Control'] });
    await expect.poll(() => page.locator('.track-row[aria-selected="true"]').count()).toBe(4);

    // A right-click on a selected row acts on the selection.
    await page.locator('.track-row[aria-selected="true"]').first().click({ button: 'right' });
    await expect(page.getByRole('menuitem', { name: 'Play 4 tracks' }).count()).resolves.toBe(1);
    await page.keyboard.press('Escape');

    // The column chooser: right-click the header, tick Bitrate.
    await page.locator('.track-header').click({ button: 'right' });
    await page.getByRole('menuitemcheckbox', { name: 'Bitrate' }).click();
    await page.locator('.track-header [role="columnheader"]', { hasText: 'Bitrate' }).waitFor();
    expect(await rows.first().locator('.col-bitrate').textContent()).toMatch(/kbps$/);

    // Show album from the menu of one row.
    const album = (await rows.nth(6).locator('.col-album').textContent())!;
    await rows.nth(6).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Show album' }).click();
    await expect.poll(() => page.locator('.view-title').textContent()).toBe(album);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.locator('.track-header [role="columnheader"]', { hasText: 'Bitrate' }).waitFor();
  });

  it('shows an import live in the open Songs view, keeping the selection and the scroll position', async () => {
    await page
      .getByRole('button', { name: 'Pause' })
      .click()
      .catch(() => {});
    const before = await songCount(page);
    expect(before).toBe(90);
    // Scroll into the list and select the first row on screen (row 30: 30 rows of 30 px above it).
    await page.locator('.track-list').evaluate((list) => (list.scrollTop = 900));
    const chosen = page.locator('.track-row[aria-rowindex="32"]');
    await chosen.waitFor();
    const chosenId = (await chosen.getAttribute('data-track-id'))!;
    await chosen.click();
    const row = page.locator(`.track-row[data-track-id="${chosenId}"]`);
    const top = (await row.boundingBox())!.y;

    // More tracks than one of the scan's write batches holds (1,000), so the catalog takes them in
    // several commits however fast this machine parses.
    const added = 2500;
    const more = join(dir.path, 'more');
    await generateLibrary({ dir: more, tracks: added, seed: 12, durationS: 3, formats: { mp3: 1 } });
    // Every count the header shows, recorded in the page as it changes rather than sampled from here.
    await page.evaluate(() => {
      const shown: number[] = [];
      const read = () =>
        Number((document.querySelector('.view-header .view-detail')?.textContent ?? '').replace(/\D/g, '') || 0);
      new MutationObserver(() => shown.push(read())).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
      (window as unknown as { shownCounts: number[] }).shownCounts = shown;
    });
    await callApi(served.base, served.token, 'library.addRoot', { path: more });
    await callApi(served.base, served.token, 'scan.start', {});
    await expect.poll(() => songCount(page), { timeout: 60_000, interval: 100 }).toBe(before + added);
    const counts = await page.evaluate(() => (window as unknown as { shownCounts: number[] }).shownCounts);

    // Rows arrived in several steps while the scan ran, not all at its end.
    expect(new Set(counts.filter((n) => n > before && n < before + added)).size).toBeGreaterThan(0);
    expect(await row.getAttribute('class')).toMatch(/\bselected\b/);
    const after = (await row.boundingBox())!.y;
    expect(Math.abs(after - top)).toBeLessThanOrEqual(2);
  });

  it('logs no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
