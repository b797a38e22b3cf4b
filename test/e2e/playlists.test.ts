// Playlists in real Chromium against `tonearm serve`: made from the sidebar, filled by a mouse
// drag of selected rows, by the row menu and by the keyboard picker, reordered by a drag
// inside the playlist, an entry removed; the queue saved as a playlist, exported as M3U8 and
// imported back in the same order. Each step checked on the page and through the contract.
import { openLibrary } from './support/open-library.ts';
import { screenshotPath } from './support/screenshots.ts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasFfmpeg, makeAudioFile } from '../support/audio.ts';
import { hasChromium } from '../support/browser.ts';
import { isBuilt, type ServedTonearm } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';
import { callApi } from './support/player.ts';

const TITLES = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'];

interface Summary {
  id: number;
  name: string;
  entryCount: number;
}
interface Page_ {
  playlist: Summary;
  entries: { entryId: number; trackId: number | null; title: string | null }[];
}

describe.skipIf(!hasFfmpeg || !hasChromium || !isBuilt)('playlists in Chromium', () => {
  const dir = tempDir();
  let served: ServedTonearm;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const idOf = new Map<string, number>();

  const api = <T>(name: string, input: unknown) => callApi<T>(served.base, served.token, name, input);
  const playlistNamed = async (name: string): Promise<Summary> => {
    const { playlists } = await api<{ playlists: Summary[] }>('playlists.list', {});
    const found = playlists.find((p) => p.name === name);
    if (!found) throw new Error(`no playlist ${name} in ${JSON.stringify(playlists.map((p) => p.name))}`);
    return found;
  };
  /** The playlist's track titles in its order, through the contract. */
  const titlesOf = async (name: string): Promise<string[]> => {
    const { entries } = await api<Page_>('playlists.get', { playlistId: (await playlistNamed(name)).id });
    const titleOf = new Map([...idOf].map(([title, id]) => [id, title]));
    return entries.map((e) => (e.trackId === null ? `missing ${e.title}` : titleOf.get(e.trackId)!));
  };
  const eventually = async (check: () => Promise<unknown>, expected: unknown, timeout = 10_000) => {
    const until = Date.now() + timeout;
    let last: unknown;
    while (Date.now() < until) {
      last = await check().catch((err: unknown) => String(err));
      if (JSON.stringify(last) === JSON.stringify(expected)) return;
      await page.waitForTimeout(50);
    }
    expect(last).toEqual(expected);
  };
  const rowTitles = () => page.locator('.track-row[data-track-id] .col-title').allTextContents();
  const row = (title: string) => page.locator('.track-row[data-track-id]', { hasText: title }).first();
  const entry = (name: string) => page.locator('.playlist-node.playlist', { hasText: name }).first();

  /** A real mouse drag (Chromium's own drag and drop), from the middle of one box to a point of another. */
  async function drag(from: Locator, to: Locator, at: 'middle' | 'top' = 'middle', whileOver?: () => Promise<void>) {
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    await page.mouse.move(a.x + a.width / 3, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + a.width / 3, a.y + a.height / 2 + 8, { steps: 4 });
    const y = at === 'top' ? b.y + 4 : b.y + b.height / 2;
    await page.mouse.move(b.x + b.width / 2, y, { steps: 12 });
    await whileOver?.();
    await page.mouse.up();
  }

  beforeAll(async () => {
    const music = join(dir.path, 'music');
    for (const [i, title] of TITLES.entries()) {
      await makeAudioFile(
        join(music, 'Road', `0${i + 1} ${title}.mp3`),
        'mp3',
        { title, artist: 'The Testers', album: 'Road', track: String(i + 1) },
        2,
        300 + i * 50,
      );
    }
    const db = join(dir.path, 'catalog.sqlite');
    ({ served, browser, page, errors } = await openLibrary({
      music,
      db,
      viewport: { width: 1200, height: 720 },
      waitFor: '.track-row[data-track-id]',
    }));
    const { rows } = await api<{ rows: { id: number; title: string }[] }>('library.tracks', { offset: 0, limit: 100 });
    for (const r of rows) idOf.set(r.title, r.id);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    dir.cleanup();
  });

  it('makes a playlist from the sidebar and names it in place', async () => {
    await page.getByRole('button', { name: 'New playlist, folder or import' }).click();
    await page.getByRole('menuitem', { name: 'New playlist' }).click();
    const name = page.getByRole('textbox', { name: 'Name' });
    await name.fill('Road trip');
    await name.press('Enter');
    await entry('Road trip').waitFor();
    await expect(playlistNamed('Road trip')).resolves.toMatchObject({ entryCount: 0 });
  });

  it('adds selected rows dragged onto the sidebar entry, which lights up under them', async () => {
    await row('Alpha').click();
    await row('Bravo').click({ modifiers: ['Shift'] });
    let highlighted = 0;
    await drag(row('Bravo'), entry('Road trip'), 'middle', async () => {
      // One more move over the entry: Chromium delivers a drag's dragover with the mouse's moves.
      const box = (await entry('Road trip').boundingBox())!;
      await page.mouse.move(box.x + box.width / 2 + 2, box.y + box.height / 2);
      highlighted = await page
        .locator('.playlist-node.drop-target')
        .waitFor({ timeout: 2000 })
        .then(() => page.locator('.playlist-node.drop-target').count())
        .catch(() => 0);
    });
    expect(highlighted).toBe(1);
    await eventually(() => titlesOf('Road trip'), ['Alpha', 'Bravo']);
    await eventually(() => entry('Road trip').locator('.playlist-count').textContent(), '2');
  });

  it('adds from the row menu and from the keyboard picker (the same track twice)', async () => {
    await row('Delta').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Add to playlist…' }).click();
    await page.getByRole('combobox', { name: 'Playlist name' }).fill('road');
    await page.keyboard.press('Enter');
    await eventually(() => titlesOf('Road trip'), ['Alpha', 'Bravo', 'Delta']);

    await row('Alpha').click();
    await page.keyboard.press('Control+Shift+A');
    await page.getByRole('combobox', { name: 'Playlist name' }).fill('trip');
    await page.getByRole('option', { name: 'Road trip' }).waitFor();
    await page.keyboard.press('Enter');
    await eventually(() => titlesOf('Road trip'), ['Alpha', 'Bravo', 'Delta', 'Alpha']);
  });

  it('opens the playlist, reorders by a drag and removes an entry with Delete', async () => {
    await entry('Road trip').locator('.playlist-label').click();
    await page.locator('.playlist-page').waitFor();
    await eventually(rowTitles, ['Alpha', 'Bravo', 'Delta', 'Alpha']);

    const rows = page.locator('.track-row[data-track-id]');
    await rows.nth(2).click();
    await drag(rows.nth(2), rows.nth(0), 'top');
    await eventually(() => titlesOf('Road trip'), ['Delta', 'Alpha', 'Bravo', 'Alpha']);
    await eventually(rowTitles, ['Delta', 'Alpha', 'Bravo', 'Alpha']);

    await rows.nth(2).click();
    await page.keyboard.press('Delete');
    await eventually(() => titlesOf('Road trip'), ['Delta', 'Alpha', 'Alpha']);
    await eventually(rowTitles, ['Delta', 'Alpha', 'Alpha']);
  });

  it('sorts by a column and goes back to the playlist order, and filters', async () => {
    await page.locator('.track-header').getByText('Title', { exact: true }).click();
    await eventually(rowTitles, ['Alpha', 'Alpha', 'Delta']);
    await page.getByRole('button', { name: 'Playlist order' }).click();
    await eventually(rowTitles, ['Delta', 'Alpha', 'Alpha']);
    await page.getByRole('searchbox', { name: 'Filter Road trip' }).fill('delta');
    await eventually(rowTitles, ['Delta']);
    await page.getByRole('searchbox', { name: 'Filter Road trip' }).fill('');
    await eventually(rowTitles, ['Delta', 'Alpha', 'Alpha']);
  });

  it('saves the queue as a playlist', async () => {
    await page.locator('.track-row[data-track-id]').first().dblclick();
    const queueButton = page.getByRole('button', { name: 'Queue', exact: true });
    if ((await queueButton.getAttribute('aria-expanded')) !== 'true') await queueButton.click();
    await eventually(() => page.locator('.queue-row .queue-title').allTextContents(), ['Delta', 'Alpha', 'Alpha']);
    await page.getByRole('button', { name: 'Save as playlist' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save the queue as a playlist' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('From the queue');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await eventually(() => titlesOf('From the queue'), ['Delta', 'Alpha', 'Alpha']);
    await page.getByRole('button', { name: 'Close the queue' }).click();
    await page
      .getByRole('button', { name: /Pause|Play/ })
      .first()
      .click()
      .catch(() => undefined);
  });

  it('exports it as M3U8 and imports it back in the same order', async () => {
    const file = join(dir.path, 'exports', 'from-queue.m3u8');
    mkdirSync(join(dir.path, 'exports'), { recursive: true });
    await entry('From the queue').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Export…' }).click();
    const exporting = page.getByRole('dialog', { name: 'Export “From the queue”' });
    await exporting.getByRole('combobox', { name: 'Format' }).selectOption('m3u8');
    await exporting.getByRole('textbox').fill(file);
    await exporting.getByRole('button', { name: 'Export' }).click();
    await exporting.waitFor({ state: 'detached' });
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/^#EXTM3U/);

    await page.getByRole('button', { name: 'New playlist, folder or import' }).click();
    await page.getByRole('menuitem', { name: 'Import playlist…' }).click();
    const importing = page.getByRole('dialog', { name: 'Import playlist' });
    const path = importing.getByRole('textbox', { name: /^File/ });
    // A wrong path first: the dialog says why and keeps what was typed.
    await path.fill(join(dir.path, 'nowhere.m3u8'));
    await importing.getByRole('button', { name: 'Import' }).click();
    await importing.getByRole('alert').waitFor();
    expect(await importing.getByRole('alert').textContent()).toMatch(
      /nowhere\.m3u8: it does not exist\. Check the path/,
    );
    expect(await path.inputValue()).toBe(join(dir.path, 'nowhere.m3u8'));
    await path.fill(file);
    await importing.getByRole('textbox', { name: /^Name/ }).fill('Imported');
    await importing.getByRole('button', { name: 'Import' }).click();
    await importing.waitFor({ state: 'detached' });
    await eventually(() => titlesOf('Imported'), ['Delta', 'Alpha', 'Alpha']);
    await eventually(rowTitles, ['Delta', 'Alpha', 'Alpha']);
    await expect(page.locator('.playlist-page .view-title').textContent()).resolves.toBe('Imported');
  });

  it('deletes a playlist from the keyboard, and Undo brings it back', async () => {
    await entry('Imported').focus();
    await page.keyboard.press('Delete');
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    await eventually(async () => (await api<{ playlists: Summary[] }>('playlists.list', {})).playlists.length, 2);
    await page.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => titlesOf('Imported'), ['Delta', 'Alpha', 'Alpha']);
    await entry('Imported').waitFor();
  });

  it('renames with F2 and moves a playlist into a new folder by a drag', async () => {
    await entry('From the queue').focus();
    await page.keyboard.press('F2');
    await page.getByRole('textbox', { name: 'Name' }).fill('Queue, saved');
    await page.keyboard.press('Enter');
    await entry('Queue, saved').waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    await eventually(focused, 'Queue, saved, 3 tracks');
    await page.keyboard.press('ArrowUp');
    await eventually(focused, 'Road trip, 3 tracks');
    await eventually(async () => (await playlistNamed('Queue, saved')).name, 'Queue, saved');

    await page.getByRole('button', { name: 'New playlist, folder or import' }).click();
    await page.getByRole('menuitem', { name: 'New folder' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Trips');
    await page.keyboard.press('Enter');
    const folder = page.locator('.playlist-node.folder', { hasText: 'Trips' }).first();
    await folder.waitFor();
    await drag(entry('Road trip'), folder.locator('.playlist-label').first());
    const folders = async () => {
      const list = await api<{
        folders: { id: number; name: string }[];
        playlists: (Summary & { folderId: number | null })[];
      }>('playlists.list', {});
      const trips = list.folders.find((f) => f.name === 'Trips');
      return list.playlists.find((p) => p.name === 'Road trip')?.folderId === trips?.id;
    };
    await eventually(folders, true);
    await folder.locator('.playlist-node.playlist', { hasText: 'Road trip' }).waitFor();
  });

  it('shows an entry whose file is not in the library greyed, as missing with its path', async () => {
    const file = join(dir.path, 'exports', 'with-ghost.m3u8');
    writeFileSync(file, `#EXTM3U\n${join(dir.path, 'music', 'Road', '05 Echo.mp3')}\n/nowhere/Ghost.mp3\n`);
    await page.getByRole('button', { name: 'New playlist, folder or import' }).click();
    await page.getByRole('menuitem', { name: 'Import playlist…' }).click();
    const importing = page.getByRole('dialog', { name: 'Import playlist' });
    await importing.getByRole('textbox', { name: /^File/ }).fill(file);
    await importing.getByRole('button', { name: 'Import' }).click();
    await eventually(rowTitles, ['Echo', 'Ghost.mp3 — missing: /nowhere/Ghost.mp3']);
    expect(await page.locator('.track-row.unavailable').count()).toBe(1);
    expect(await page.locator('.track-row.unavailable').getAttribute('title')).toBe('missing: /nowhere/Ghost.mp3');
  });

  it('shows a playlist page for the screenshot', async () => {
    await entry('Road trip').locator('.playlist-label').click();
    await eventually(rowTitles, ['Delta', 'Alpha', 'Alpha']);
    await page.locator('.track-row[data-track-id]').nth(1).click();
    await page.waitForTimeout(8200); // the last toast gone
    await page.screenshot({ path: screenshotPath('playlists.png') });
  });

  it('logs no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
