// The tag editor in real Chromium against `tonearm serve`: three tracks of an album selected
// in Songs, their album renamed at once in the dialog (the title differs: "(mixed)", left
// alone), and another window's Albums view shows the new name without a reload; Undo puts the
// old one back there too.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTags } from '../../src/main/core/tags/tag-file.ts';
import { hasFfmpeg, makeAudioFile } from '../support/audio.ts';
import { hasChromium } from '../support/browser.ts';
import { isBuilt, type ServedTonearm } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';
import { openLibrary } from './support/open-library.ts';
import { screenshotPath } from './support/screenshots.ts';

const TITLES = ['Aurora', 'Borealis', 'Corona'];

describe.skipIf(!hasFfmpeg || !hasChromium || !isBuilt)('the tag editor in Chromium', () => {
  const dir = tempDir();
  const music = join(dir.path, 'music');
  let served: ServedTonearm;
  let browser: Browser;
  let songs: Page;
  let albums: Page;
  let errors: string[];
  const row = (title: string) => songs.locator('.song-row', { hasText: title });
  const albumTitles = () => albums.locator('.album-card[data-album-id] .album-title').allTextContents();
  const until = async (check: () => Promise<boolean>, what: string) => {
    const end = Date.now() + 15_000;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`never: ${what}`);
      await albums.waitForTimeout(50);
    }
  };

  beforeAll(async () => {
    for (const [i, title] of TITLES.entries()) {
      await makeAudioFile(join(music, 'Lights', `0${i + 1} ${title}.mp3`), 'mp3', {
        title,
        artist: 'The Skies',
        albumArtist: 'The Skies',
        album: 'Northern Lights',
        track: `${i + 1}/3`,
      });
    }
    await makeAudioFile(join(music, 'Else', 'Elsewhere.flac'), 'flac', { title: 'Elsewhere', album: 'Somewhere Else' });
    ({
      served,
      browser,
      page: songs,
      errors,
    } = await openLibrary({
      music,
      db: join(dir.path, 'catalog.sqlite'),
      viewport: { width: 1280, height: 800 },
      waitFor: '.song-row[data-track-id]',
    }));
    // A second window on the Albums view: it must follow the edit by itself.
    albums = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    await albums.goto(served.url);
    await albums.getByRole('navigation').getByRole('button', { name: 'Albums' }).click();
    await albums.locator('.album-card[data-album-id]').first().waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    dir.cleanup();
  });

  it('renames the album of three tracks at once; the Albums view shows it live', async () => {
    expect(await albumTitles()).toContain('Northern Lights');
    await row('Aurora').locator('.col-title').click();
    await row('Corona')
      .locator('.col-title')
      .click({ modifiers: ['Shift'] });
    await row('Borealis').locator('.col-title').click({ button: 'right' });
    await songs.getByRole('menuitem', { name: 'Edit tags of 3 tracks…' }).click();

    const dialog = songs.getByRole('dialog', { name: 'Edit tags of 3 tracks' });
    const album = dialog.locator('input[name="album"]');
    await expect.poll(() => album.inputValue()).toBe('Northern Lights');
    expect(await dialog.locator('input[name="title"]').getAttribute('placeholder')).toBe('(mixed)');
    expect(await dialog.locator('input[name="title"]').inputValue()).toBe('');
    await album.fill('Southern Lights');
    await songs.screenshot({ path: screenshotPath('tag-editor.png') });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('3 files written.');

    await until(async () => (await albumTitles()).includes('Southern Lights'), 'the Albums view shows the new name');
    expect(await albumTitles()).not.toContain('Northern Lights');
    // The files: the new album; each title as it was (the mixed field was left alone).
    for (const [i, title] of TITLES.entries()) {
      expect(readTags(join(music, 'Lights', `0${i + 1} ${title}.mp3`)).fields).toMatchObject({
        album: 'Southern Lights',
        title,
      });
    }
  });

  it('undoes the edit from the dialog; the Albums view follows again', async () => {
    const dialog = songs.getByRole('dialog', { name: 'Edit tags of 3 tracks' });
    await dialog.getByRole('button', { name: 'Undo' }).click();
    await until(async () => (await albumTitles()).includes('Northern Lights'), 'the old name is back');
    expect(await albumTitles()).not.toContain('Southern Lights');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(errors).toEqual([]);
  });
});
