// Ratings and smart playlists in real Chromium against `tonearm serve`: stars clicked in the
// Rating column and set from the keyboard reach the catalog, and a smart playlist made in the
// editor gains a track as soon as a play is recorded, without a reload.
import { openLibrary } from './support/open-library.ts';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackRow } from '../../src/shared/domain.ts';
import { hasFfmpeg, makeAudioFile } from '../support/audio.ts';
import { hasChromium } from '../support/browser.ts';
import { isBuilt, type ServedTonearm } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';
import { callApi } from './support/player.ts';

const TITLES = ['First Light', 'Second Wind', 'Third Rail'];

describe.skipIf(!hasFfmpeg || !hasChromium || !isBuilt)('ratings and smart playlists in Chromium', () => {
  const dir = tempDir();
  let served: ServedTonearm;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const ids = new Map<string, number>();
  const api = <T>(name: string, input: unknown) => callApi<T>(served.base, served.token, name, input);
  const ratingOf = async (title: string) =>
    (await api<TrackRow[]>('library.tracksByIds', { ids: [ids.get(title)!] }))[0]!.rating;
  const row = (title: string) => page.locator('.song-row', { hasText: title });
  const shownRating = (title: string) => row(title).locator('.star-rating').getAttribute('data-rating');
  const until = async (check: () => Promise<boolean>, what: string) => {
    const end = Date.now() + 10_000;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`never: ${what}`);
      await page.waitForTimeout(50);
    }
  };

  beforeAll(async () => {
    const music = join(dir.path, 'music');
    for (const [i, title] of TITLES.entries()) {
      await makeAudioFile(
        join(music, 'Album', `0${i + 1} ${title}.mp3`),
        'mp3',
        { title, artist: 'The Testers', album: 'Album', track: String(i + 1) },
        4,
      );
    }
    const db = join(dir.path, 'catalog.sqlite');
    ({ served, browser, page, errors } = await openLibrary({
      music,
      db,
      viewport: { width: 1200, height: 700 },
      waitFor: '.song-row[data-track-id]',
    }));
    for (const title of TITLES) ids.set(title, Number(await row(title).getAttribute('data-track-id')));
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    dir.cleanup();
  });

  it('rates a track by clicking its stars, and clears it by clicking the same star', async () => {
    await row('First Light').getByRole('button', { name: 'Rate 3 stars' }).click();
    await until(async () => (await shownRating('First Light')) === '3', 'the column shows 3 stars');
    expect(await ratingOf('First Light')).toBe(3);

    await row('First Light').getByRole('button', { name: 'Rate 3 stars' }).click();
    await until(async () => (await shownRating('First Light')) === '0', 'the column shows no stars');
    expect(await ratingOf('First Light')).toBeNull();
  });

  it('rates the selected rows with the digit keys', async () => {
    await row('Second Wind').locator('.col-title').click();
    await page.keyboard.press('4');
    await until(async () => (await shownRating('Second Wind')) === '4', 'the column shows 4 stars');
    expect(await ratingOf('Second Wind')).toBe(4);

    await row('Third Rail')
      .locator('.col-title')
      .click({ modifiers: ['Shift'] });
    await page.keyboard.press('5');
    await until(async () => (await shownRating('Third Rail')) === '5', 'both rows show 5 stars');
    expect([await ratingOf('Second Wind'), await ratingOf('Third Rail')]).toEqual([5, 5]);
    await page.keyboard.press('0');
    await until(async () => (await shownRating('Second Wind')) === '0', 'the rows are cleared');
    expect(await ratingOf('Third Rail')).toBeNull();
  });

  it('makes a smart playlist in the editor that gains a track when a play is recorded', async () => {
    await page.getByRole('button', { name: 'New playlist, folder or import' }).click();
    await page.getByRole('menuitem', { name: 'New smart playlist…' }).click();
    await page.getByLabel('Name').fill('Played today');
    await page.getByLabel('Rule 1 field').selectOption('played');
    await page.getByLabel('Rule 1 operator').selectOption('<');
    await page.getByLabel('Rule 1 value').fill('1');
    await expect(page.getByLabel('Query text').inputValue()).resolves.toBe('played:<1d');

    // The text side edits the rules too.
    await page.getByLabel('Query text').fill('played:<1d rating:>=2');
    await expect(page.getByLabel('Rule 2 field').inputValue()).resolves.toBe('rating');
    await page.getByRole('button', { name: 'Remove rule 2' }).click();
    await expect(page.getByLabel('Query text').inputValue()).resolves.toBe('played:<1d');

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Played today' }).waitFor();
    await page.getByText('No tracks match these rules yet.').waitFor();
    const playlists = await api<{ playlists: { name: string; smartQuery: string | null }[] }>('playlists.list', {});
    expect(playlists.playlists).toContainEqual(
      expect.objectContaining({ name: 'Played today', smartQuery: 'played:<1d' }),
    );

    // What the player sends when a play counts.
    await api('playback.recordPlay', { trackId: ids.get('Third Rail') });
    await row('Third Rail').waitFor({ timeout: 10_000 });
    expect(await page.locator('.song-row[data-track-id]').count()).toBe(1);
    expect(await row('Third Rail').locator('.col-playCount').textContent()).toBe('1');
    // The sidebar's Playlists section lists it, and opens it on its own page.
    await page.getByRole('treeitem', { name: 'Played today, smart playlist' }).waitFor();
  });

  it('shows and sets the playing track’s rating in the now-playing bar', async () => {
    await row('Third Rail').dblclick();
    const bar = page.getByTestId('now-playing-rating');
    await bar.waitFor();
    await bar.getByRole('button', { name: 'Rate 2 stars' }).click();
    await until(async () => (await ratingOf('Third Rail')) === 2, 'the catalog has 2 stars');
    await until(async () => (await shownRating('Third Rail')) === '2', 'the row shows 2 stars');
    await until(
      async () => (await bar.locator('.star-rating').getAttribute('data-rating')) === '2',
      'the bar shows 2 stars',
    );
  });

  it('logs no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
