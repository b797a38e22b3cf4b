// A new user's first steps in Chromium against `tonearm serve` (issue 15): add folders in
// the browser (a relative path refused and kept, `~`, the folder browser), the notice of the
// finished scan and its errors, Various Artists, a new search from an album page, and the
// player's keys after the volume slider was used.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasFfmpeg, makeAudioFile } from '../support/audio.ts';
import { collectPageErrors, hasChromium, launchChromium } from '../support/browser.ts';
import { isBuilt, serveTonearm, type ServedTonearm } from '../support/cli.ts';
import { screenshotPath } from './support/screenshots.ts';
import { tempDir } from '../support/temp.ts';

describe.skipIf(!hasFfmpeg || !hasChromium || !isBuilt)('first steps in Chromium', () => {
  const dir = tempDir();
  const home = join(dir.path, 'home');
  const library = join(home, 'Music', 'Library');
  let served: ServedTonearm;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    await makeAudioFile(join(home, 'Other', 'one.mp3'), 'mp3', { title: 'Elsewhere', artist: 'Dee', album: 'Away' }, 3);
    for (const [index, artist] of ['Ann', 'Bob', 'Cy'].entries()) {
      // No album artist and no compilation flag: the album comes apart into one per artist.
      await makeAudioFile(join(library, 'Now 50', `${index + 1}.mp3`), 'mp3', {
        title: `Hit ${index + 1}`,
        artist,
        album: 'Now 50',
        track: String(index + 1),
      });
    }
    await makeAudioFile(join(library, 'Solo', '1.mp3'), 'mp3', {
      title: 'Alone',
      artist: 'Ann',
      album: 'Solo Record',
      albumArtist: 'Ann',
    });
    writeFileSync(join(library, 'Solo', 'broken.flac'), 'this is not a FLAC file at all');
    mkdirSync(join(dir.path, 'data'));
    served = await serveTonearm([], { ...process.env, HOME: home, TONEARM_DATA_DIR: join(dir.path, 'data') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 750 } });
    errors = collectPageErrors(page);
    await page.goto(served.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    dir.cleanup();
  });

  const field = () => page.getByRole('textbox', { name: 'Folder path' });
  const notice = () => page.getByRole('status', { name: 'Scan finished' });

  it('refuses a relative path with a sentence and keeps it; expands ~ and announces the scan', async () => {
    await field().fill('Other');
    await page.getByRole('button', { name: 'Add path' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe("Other is not a full path: give the folder's whole path, starting with / (or ~ for your home folder)");
    await expect(field().inputValue()).resolves.toBe('Other');

    await field().fill('~/Other');
    await page.getByRole('button', { name: 'Add path' }).click();
    await page.locator('.roots .root-path', { hasText: join(home, 'Other') }).waitFor();
    await expect(field().inputValue()).resolves.toBe('');
    await expect
      .poll(() => notice().textContent(), { timeout: 30_000 })
      .toContain('Scan finished: 1 added, 0 updated, 0 errors');
    // Nothing failed: the notice goes by itself.
    await notice().waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('browses to a folder with the keyboard and adds it; the errors of its scan are a click away, in words', async () => {
    await page.getByRole('button', { name: 'Browse…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose a music folder' });
    const list = dialog.getByRole('listbox');
    await expect.poll(() => list.getAttribute('aria-label')).toBe(`Folders in ${home}`);
    await expect(dialog.getByRole('option').allTextContents()).resolves.toEqual(['Music', 'Other']);
    await expect(
      dialog.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Home' }).count(),
    ).resolves.toBe(1);
    await list.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => list.getAttribute('aria-label')).toBe(`Folders in ${join(home, 'Music')}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => list.getAttribute('aria-label')).toBe(`Folders in ${library}`);
    await expect(dialog.getByRole('option').allTextContents()).resolves.toEqual(['Now 50', 'Solo']);
    await page.screenshot({ path: screenshotPath('folder-browser.png') });
    await page.keyboard.press('Backspace');
    await expect.poll(() => list.getAttribute('aria-label')).toBe(`Folders in ${join(home, 'Music')}`);
    await dialog.getByRole('navigation', { name: 'Folder path' }).getByRole('button', { name: 'home' }).click();
    await expect.poll(() => list.getAttribute('aria-label')).toBe(`Folders in ${home}`);
    await dialog.getByRole('option', { name: 'Music' }).dblclick();
    await dialog.getByRole('option', { name: 'Library' }).dblclick();
    await expect.poll(() => list.getAttribute('aria-label')).toBe(`Folders in ${library}`);
    await dialog.getByRole('button', { name: 'Add this folder' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.roots .root-path', { hasText: library }).waitFor();

    await expect
      .poll(() => notice().textContent(), { timeout: 30_000 })
      .toContain('Scan finished: 5 added, 0 updated, 1 error');
    await notice().getByRole('button', { name: 'Show the errors' }).click();
    const errorsDialog = page.getByRole('dialog', { name: 'Scan errors' });
    await expect
      .poll(() => errorsDialog.locator('.scan-errors tr').allTextContents())
      .toEqual([
        `${join(library, 'Solo', 'broken.flac')}Could not read the tags: the file is damaged, or is not the format its name says (a damaged FLAC header).`,
      ]);
    await page.screenshot({ path: screenshotPath('scan-errors-dialog.png') });
    // The parser's own words stay at hand for a bug report.
    await expect(errorsDialog.locator('.scan-errors td[title]').getAttribute('title')).resolves.toMatch(/FLAC/);
    await page.keyboard.press('Escape');
    await errorsDialog.waitFor({ state: 'detached' });
    await page.screenshot({ path: screenshotPath('scan-notice.png') });
    // With an error, the notice stays until dismissed.
    await notice().getByRole('button', { name: 'Dismiss' }).click();
    await notice().waitFor({ state: 'detached' });
  });

  it('keeps the text of a folder that could not be added from the browser, and says why', async () => {
    await page.getByRole('button', { name: 'Browse…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose a music folder' });
    await dialog.getByRole('option', { name: 'Music' }).dblclick();
    await expect
      .poll(() => dialog.getByRole('listbox').getAttribute('aria-label'))
      .toBe(`Folders in ${join(home, 'Music')}`);
    await dialog.getByRole('button', { name: 'Add this folder' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('overlaps the library folder');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('lists the compilation under Various Artists', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Artists' }).click();
    const various = page.getByRole('option', { name: /Various Artists/ });
    await various.waitFor();
    await various.dblclick();
    await expect.poll(() => page.locator('.view-title').textContent()).toBe('Various Artists');
    await page.getByRole('tab', { name: 'Songs' }).click();
    await expect
      .poll(async () =>
        (await page.locator('.artist-page .track-row[data-track-id] .col-title').allTextContents()).sort(),
      )
      .toEqual(['Hit 1', 'Hit 2', 'Hit 3']);
  });

  it('shows a new search typed on an album page opened from the results', async () => {
    const search = page.getByRole('searchbox', { name: 'Search the library' });
    await search.fill('solo');
    await page.locator('.search-view .album-card').first().click();
    await page.waitForSelector('.album-page .track-row[data-track-id]');
    await search.fill('elsewhere');
    await page.waitForSelector('.search-view .track-row[data-track-id]');
    await expect(page.locator('.album-page').count()).resolves.toBe(0);
    await expect(page.locator('.search-view .track-row[data-track-id] .col-title').allTextContents()).resolves.toEqual([
      'Elsewhere',
    ]);
    // Back to where the first search came from.
    await search.press('Escape');
  });

  it('keeps the player keys after the volume slider was dragged; its own arrows still work from the keyboard', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Songs' }).click();
    await page.locator('.track-row[data-track-id]').first().dblclick();
    const bar = page.getByTestId('now-playing');
    await expect.poll(() => bar.getAttribute('data-status'), { timeout: 20_000 }).toBe('playing');

    const volume = page.getByRole('slider', { name: 'Volume' });
    await volume.click();
    await page.keyboard.press('Space');
    await expect.poll(() => bar.getAttribute('data-status')).toBe('paused');
    await page.keyboard.press('Space');
    await expect.poll(() => bar.getAttribute('data-status')).not.toBe('paused');

    await volume.focus();
    const before = Number(await volume.inputValue());
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => Number(await volume.inputValue())).toBeLessThan(before);
    // Space is the player's even while the slider has the focus.
    await page.keyboard.press('Space');
    await expect.poll(() => bar.getAttribute('data-status')).toBe('paused');
  });

  it('logs no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
