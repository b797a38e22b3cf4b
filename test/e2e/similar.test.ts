// "Sounds like" end to end in Chromium against `tonearm serve`: a library of 40 tracks that
// sound unlike one another is analysed in the background; Play similar on a track plays it and
// queues what the index returns, and the queue keeps filling as it plays; Similar tracks and
// Settings → Analysis show the index.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaybackState } from '../../src/shared/domain.ts';
import type { RadioBatch, SimilarityStatus } from '../../src/shared/similarity.ts';
import { hasFfmpeg, makeAudioFile } from '../support/audio.ts';
import { hasChromium } from '../support/browser.ts';
import { isBuilt, type ServedTonearm } from '../support/cli.ts';
import { soundLibrary } from '../support/sound-library.ts';
import { tempDir } from '../support/temp.ts';
import { openLibrary } from './support/open-library.ts';
import { callApi, trackIdsByTitle, waitForPlayer } from './support/player.ts';

const TRACKS = 40;
/** Tall enough for every row of the Songs list to be drawn: rows are found by their text. */
const VIEWPORT = { width: 1280, height: 1500 };

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`${what} never happened; last seen ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

describe.skipIf(!hasFfmpeg || !hasChromium || !isBuilt)('Play similar in Chromium', () => {
  const dir = tempDir();
  let served: ServedTonearm;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const ids = new Map<string, number>();
  const api = <T>(name: string, input: unknown) => callApi<T>(served.base, served.token, name, input);
  /** The queue as the page saved it (its list is virtualized: not every row is in the DOM). */
  const savedQueue = () => api<PlaybackState | null>('playback.loadState', {});

  beforeAll(async () => {
    const music = join(dir.path, 'music');
    await soundLibrary(music, TRACKS);
    // Too short to analyse: the one track without a vector once the analysis is done.
    const scrap = { title: 'Too Short', artist: 'Nobody', albumArtist: 'Sound Makers', album: 'Scraps' };
    await makeAudioFile(join(music, 'short.mp3'), 'mp3', scrap, 0.4);
    const db = join(dir.path, 'catalog.sqlite');
    ({ served, browser, page, errors } = await openLibrary({ music, db, viewport: VIEWPORT }));
    for (const [title, id] of await trackIdsByTitle(served.base, served.token)) ids.set(title, id);
    await until(
      'the analysis of every track',
      () => api<SimilarityStatus>('similar.status', {}),
      (status) => status.total === TRACKS + 1 && status.pending === 0,
      150_000,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    dir.cleanup();
  });

  it('shows the analysis in Settings, and pauses and resumes it', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const figures = page.getByTestId('analysis-count');
    await figures.waitFor();
    expect(await figures.textContent()).toBe(`${TRACKS} of ${TRACKS + 1} tracks (97%), 1 could not be read`);
    await page.getByRole('button', { name: 'Pause analysis' }).click();
    await page.getByRole('button', { name: 'Resume analysis' }).waitFor();
    expect((await api<SimilarityStatus>('similar.status', {})).paused).toBe(true);
    await page.getByRole('button', { name: 'Resume analysis' }).click();
    await page.getByRole('button', { name: 'Pause analysis' }).waitFor();
    expect((await api<SimilarityStatus>('similar.status', {})).paused).toBe(false);
    await page.getByRole('navigation').getByRole('button', { name: 'Songs' }).click();
    await page.waitForSelector('[data-track-id]');
  });

  it('Play similar on a track plays it and queues what the index returned, and keeps the queue filled as it plays', async () => {
    const seed = ids.get('Sound 01')!;
    // The radio is stateless: the same question gets the same answer.
    const first = await api<RadioBatch>('radio.next', {
      seedIds: [seed],
      recentIds: [seed],
      excludeGenres: [],
      count: 20,
    });
    expect(first.trackIds).toHaveLength(20);
    expect(first.seedsWithoutVector).toBe(0);

    await page.locator('[data-track-id]', { hasText: 'Sound 01' }).first().click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Play similar' }).click();
    await waitForPlayer(page, (view) => view.title === 'Sound 01' && view.status === 'playing');
    await page.getByRole('button', { name: 'Queue', exact: true }).click();
    expect(await page.getByTestId('radio-indicator').textContent()).toContain('Radio: similar to Sound 01');

    const queued = await until('the first batch queued', savedQueue, (state) => state?.trackIds.length === 21);
    expect(queued!.trackIds).toEqual([seed, ...first.trackIds]);

    // Skip on until 5 tracks follow the current one: enough, nothing is asked for yet.
    const next = page.getByRole('button', { name: 'Next' });
    for (let i = 0; i < 15; i++) await next.click();
    await waitForPlayer(page, (view) => view.title === titleOf(queued!.trackIds[15]!));
    // Then let it play on into the 17th: 4 follow it, and the radio asks for 10 more.
    await waitForPlayer(page, (view) => view.title === titleOf(queued!.trackIds[16]!), 20_000);
    const refilled = await until('the refill', savedQueue, (state) => (state?.trackIds.length ?? 0) > 21);
    const second = await api<RadioBatch>('radio.next', {
      seedIds: [seed],
      recentIds: queued!.trackIds,
      excludeGenres: [],
      count: 10,
    });
    expect(refilled!.trackIds).toEqual([...queued!.trackIds, ...second.trackIds]);
    expect(new Set(refilled!.trackIds).size).toBe(refilled!.trackIds.length);
    expect(errors).toEqual([]);
  });

  it('Similar tracks lists the nearest tracks with their match', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Songs' }).click();
    await page.locator('[data-track-id]', { hasText: 'Sound 02' }).first().click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Similar tracks' }).click();
    const list = page.getByTestId('similar-page');
    await list.locator('[data-track-id]').first().waitFor();
    const nearest = await api<{ rows: { track: { title: string } }[] }>('similar.tracks', {
      ids: [ids.get('Sound 02')!],
      limit: 100,
    });
    const titles = await list.locator('[data-track-id] .col-title').allTextContents();
    expect(titles.slice(0, 5)).toEqual(nearest.rows.slice(0, 5).map((row) => row.track.title));
    expect(await list.locator('[data-track-id] .col-match').first().textContent()).toMatch(/^\d+%$/);
  });

  it('Shift+Enter on a selected row plays similar; a genre left out leaves the queue and the radio', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Songs' }).click();
    await page.locator('[data-track-id]', { hasText: 'Sound 03' }).first().click();
    await page.keyboard.press('Shift+Enter');
    await waitForPlayer(page, (view) => view.title === 'Sound 03');
    const indicator = page.getByTestId('radio-indicator');
    await until(
      'the radio on Sound 03',
      () => indicator.textContent(),
      (text) => !!text?.includes('similar to Sound 03'),
    );
    await until(
      'the first batch',
      savedQueue,
      (state) => state?.trackIds[0] === ids.get('Sound 03') && (state?.trackIds.length ?? 0) > 1,
    );

    await page.getByRole('button', { name: 'Exclude genres' }).click();
    await page.getByRole('checkbox', { name: /Noise/ }).check();
    const noise = new Set([...ids].filter(([title]) => Number(title.slice(-2)) % 2 === 0).map(([, id]) => id));
    const state = await until('the noise gone', savedQueue, (saved) =>
      (saved?.trackIds.slice(1) ?? [1]).every((id) => !noise.has(id)),
    );
    expect(state!.trackIds.length).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Stop the radio' }).click();
    expect(await page.getByTestId('radio-indicator').count()).toBe(0);
  });

  it('says a track without a vector could not be analysed, instead of an empty list or radio', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Songs' }).click();
    await page.locator('[data-track-id]', { hasText: 'Too Short' }).first().click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Similar tracks' }).click();
    const notice = page.getByTestId('similar-not-analysed');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Its audio could not be analysed.');

    await page.getByRole('button', { name: 'Play similar' }).click();
    await waitForPlayer(page, (view) => view.title === 'Too Short');
    const indicator = page.getByTestId('radio-indicator');
    await until(
      'the notice',
      () => indicator.textContent(),
      (text) => !!text?.includes('could not be analysed'),
    );
    await page.getByRole('button', { name: 'Stop the radio' }).click();
  });

  it('an album plays similar, and More like this album lists tracks of other albums as the index ranks them', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Albums' }).click();
    const card = page.locator('.album-card[data-album-id]', { hasText: 'Pure Tones' });
    const albumId = Number(await card.getAttribute('data-album-id'));
    await card.click();
    await page.getByRole('button', { name: 'Play similar' }).click();
    const indicator = page.getByTestId('radio-indicator');
    await until(
      'the album radio',
      () => indicator.textContent(),
      (text) => !!text?.includes('similar to Pure Tones'),
    );
    await page.getByRole('button', { name: 'More like this album' }).click();
    const list = page.getByTestId('similar-page');
    await list.locator('[data-track-id]').first().waitFor();
    const ranked = await api<{ rows: { track: { title: string } }[] }>('similar.album', { albumId, limit: 100 });
    const titles = await list.locator('[data-track-id] .col-title').allTextContents();
    expect(titles.slice(0, 5)).toEqual(ranked.rows.slice(0, 5).map((row) => row.track.title));
    expect(await list.locator('[data-track-id] .col-album').allTextContents()).not.toContain('Pure Tones');
  });

  const titleOf = (id: number) => [...ids].find(([, value]) => value === id)![0];
});
