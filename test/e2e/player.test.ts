// The player end to end in Chromium against `tonearm serve`: a queue of three tracks played,
// skipped, seeked, reordered, shuffled and repeated; play counts and skips in the catalog; the
// OS media session and the window title; the session back after a reload; a file that cannot
// be decoded passed over with a message; every format Chromium decodes; a long file streamed.
import { openLibrary } from './support/open-library.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackRow } from '../../src/shared/domain.ts';
import { hasFfmpeg, makeAudioFile, type Format } from '../support/audio.ts';
import { hasChromium } from '../support/browser.ts';
import { isBuilt, type ServedTonearm } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';
import {
  callApi,
  playerView,
  playExactly,
  queueTitles as listQueue,
  trackIdsByTitle,
  waitForPlayer,
} from './support/player.ts';

const FORMATS: Format[] = ['mp3', 'm4a', 'flac', 'ogg', 'opus', 'wav'];

describe.skipIf(!hasFfmpeg || !hasChromium || !isBuilt)('the player in Chromium', () => {
  const dir = tempDir();
  const db = join(dir.path, 'catalog.sqlite');
  let served: ServedTonearm;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const ids = new Map<string, number>();

  const queueTitles = () => listQueue(page);
  const openQueue = async () => {
    const button = page.getByRole('button', { name: 'Queue', exact: true });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  };
  const rows = async (...titles: string[]) =>
    callApi<TrackRow[]>(served.base, served.token, 'library.tracksByIds', { ids: titles.map((t) => ids.get(t)!) });
  const skipCount = (title: string) => {
    const catalog = new Database(db, { readonly: true });
    try {
      return (
        (catalog.prepare('SELECT skip_count FROM play_stats WHERE track_id = ?').pluck().get(ids.get(title)) as
          number | undefined) ?? 0
      );
    } finally {
      catalog.close();
    }
  };
  const queueExactly = (titles: string[]) => playExactly(page, titles, (title) => ids.get(title)!, true);

  beforeAll(async () => {
    const music = join(dir.path, 'music');
    const album = { artist: 'The Testers', album: 'Queue Songs' };
    await makeAudioFile(join(music, 'q', '1.mp3'), 'mp3', { ...album, title: 'Alpha', track: '1' }, 5, 440);
    await makeAudioFile(join(music, 'q', '2.flac'), 'flac', { ...album, title: 'Beta', track: '2' }, 5, 550);
    await makeAudioFile(join(music, 'q', '3.ogg'), 'ogg', { ...album, title: 'Gamma', track: '3' }, 6, 660);
    for (const format of FORMATS) {
      await makeAudioFile(join(music, 'formats', `${format}.${format}`), format, { title: `Format ${format}` }, 1.5);
    }
    // Past the longest track the player decodes whole: it streams.
    await makeAudioFile(join(music, 'long', 'mix.mp3'), 'mp3', { title: 'Long Mix' }, 13 * 60, 330);
    writeFileSync(join(music, 'q', 'Broken Track.mp3'), Buffer.alloc(64 * 1024, 0x5a));
    ({ served, browser, page, errors } = await openLibrary({ music, db, viewport: { width: 1280, height: 760 } }));
    for (const [title, id] of await trackIdsByTitle(served.base, served.token)) ids.set(title, id);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    dir.cleanup();
  });

  it('queues three tracks, plays, skips, seeks, shuffles and repeats one; counts plays and skips', async () => {
    await queueExactly(['Alpha', 'Beta', 'Gamma']);
    await waitForPlayer(page, (v) => v.status === 'playing' && v.position > 1);
    expect(await page.evaluate(() => document.title)).toContain('Alpha');

    // Skip: Next, before Alpha's play counted.
    await page.getByRole('button', { name: 'Next' }).click();
    await waitForPlayer(page, (v) => v.title === 'Beta' && v.status === 'playing');
    await expect.poll(() => skipCount('Alpha')).toBe(1);
    await expect(page.locator('.queue-row[aria-current="true"] .queue-title').textContent()).resolves.toBe('Beta');

    // Seek: a click at 60 % of the bar, then the keyboard.
    const bar = page.getByRole('slider', { name: 'Seek' });
    const box = (await bar.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height / 2);
    const seeked = await waitForPlayer(page, (v) => v.position >= 2.9 && v.status === 'playing');
    expect(seeked.position).toBeLessThan(3.6);
    await bar.press('ArrowLeft');
    await waitForPlayer(page, (v) => v.position < 1.5);

    // Beta runs out and Gamma follows by itself; Beta, heard more than half way, counts.
    await waitForPlayer(page, (v) => v.title === 'Gamma' && v.status === 'playing', 15_000);
    await expect.poll(async () => (await rows('Beta'))[0]!.playCount).toBe(1);

    // Reorder by drag: Gamma to the top.
    await page
      .locator('.queue-row', { hasText: 'Gamma' })
      .dragTo(page.locator('.queue-row', { hasText: 'Alpha' }), { targetPosition: { x: 40, y: 4 } });
    await expect.poll(queueTitles).toEqual(['Gamma', 'Alpha', 'Beta']);
    expect((await playerView(page)).title).toBe('Gamma');

    // Shuffle: the current track first, every track once; off again, the order comes back.
    await page.getByRole('button', { name: 'Shuffle' }).click();
    await expect(page.getByRole('button', { name: 'Shuffle' }).getAttribute('aria-pressed')).resolves.toBe('true');
    const shuffled = await queueTitles();
    expect(shuffled[0]).toBe('Gamma');
    expect([...shuffled].sort()).toEqual(['Alpha', 'Beta', 'Gamma']);
    await page.getByRole('button', { name: 'Shuffle' }).click();
    await expect.poll(queueTitles).toEqual(['Gamma', 'Alpha', 'Beta']);

    // Repeat one: Gamma plays to its end and starts again, and that full play counts.
    const repeat = page.locator('[data-repeat]');
    while ((await repeat.getAttribute('data-repeat')) !== 'one') await repeat.click();
    await expect(repeat.getAttribute('aria-label')).resolves.toBe('Repeat: one');
    const before = (await rows('Gamma'))[0]!.playCount;
    await waitForPlayer(page, (v) => v.position > 4);
    await waitForPlayer(page, (v) => v.title === 'Gamma' && v.position < 2 && v.status === 'playing', 10_000);
    await expect.poll(async () => (await rows('Gamma'))[0]!.playCount).toBe(before + 1);
    const [gamma] = await rows('Gamma');
    expect(gamma!.lastPlayedAt).toBeGreaterThan(Date.now() - 60_000);

    // Previous a few seconds in restarts the track.
    await waitForPlayer(page, (v) => v.position > 3.2);
    await page.getByRole('button', { name: 'Previous' }).click();
    await waitForPlayer(page, (v) => v.position < 1 && v.title === 'Gamma');

    // The OS sees what plays.
    const session = await page.evaluate(() => ({
      title: navigator.mediaSession.metadata?.title,
      artist: navigator.mediaSession.metadata?.artist,
      album: navigator.mediaSession.metadata?.album,
      state: navigator.mediaSession.playbackState,
      windowTitle: document.title,
    }));
    expect(session).toEqual({
      title: 'Gamma',
      artist: 'The Testers',
      album: 'Queue Songs',
      state: 'playing',
      windowTitle: 'Gamma – The Testers · Tonearm',
    });
    await expect(page.getByTestId('now-playing-album').textContent()).resolves.toBe('Queue Songs');

    // Remove from the queue.
    await page.getByRole('button', { name: 'Remove Beta from the queue' }).click();
    await expect.poll(queueTitles).toEqual(['Gamma', 'Alpha']);
  });

  it('pauses and plays with Space, and mutes', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press(' ');
    const paused = await waitForPlayer(page, (v) => v.status === 'paused');
    await page.waitForTimeout(600);
    // The clock stops after a short fade-out (and a render quantum or two).
    expect(Math.abs((await playerView(page)).position - paused.position)).toBeLessThan(0.15);
    expect(await page.evaluate(() => navigator.mediaSession.playbackState)).toBe('paused');
    await page.keyboard.press(' ');
    await waitForPlayer(page, (v) => v.status === 'playing' && v.position > paused.position + 0.3);
    const mute = page.getByRole('button', { name: 'Mute' });
    await mute.click();
    await expect(page.getByRole('button', { name: 'Unmute' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.getByRole('button', { name: 'Unmute' }).click();
  });

  it('brings back the queue, the track and the place in it after a restart', async () => {
    if ((await playerView(page)).status === 'paused')
      await page.getByRole('button', { name: 'Play', exact: true }).click();
    await waitForPlayer(page, (v) => v.title === 'Gamma' && v.position > 2 && v.position < 4.5, 10_000);
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await waitForPlayer(page, (v) => v.status === 'paused');
    await page.getByRole('slider', { name: 'Volume' }).fill('0.5');
    // The state is saved a moment after a change.
    await page.waitForTimeout(1500);
    await page.reload();
    await openQueue();
    await expect.poll(queueTitles).toEqual(['Gamma', 'Alpha']);
    const restored = await waitForPlayer(page, (v) => v.title === 'Gamma');
    expect(restored.status).toBe('idle');
    expect(Math.abs(restored.position - paused.position)).toBeLessThan(0.5);
    await expect(page.locator('[data-repeat]').getAttribute('data-repeat')).resolves.toBe('one');
    await expect(page.getByRole('slider', { name: 'Volume' }).inputValue()).resolves.toBe('0.5');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await waitForPlayer(page, (v) => v.status === 'playing' && v.position > paused.position + 0.3);
    await page.locator('[data-repeat]').click(); // back to repeat off
    await page.getByRole('button', { name: 'Pause' }).click();
  });

  it('says clearly when a track cannot be played, and moves on', async () => {
    await queueExactly(['Alpha', 'Broken Track', 'Beta']);
    await waitForPlayer(page, (v) => v.title === 'Alpha' && v.status === 'playing');
    const seekBar = page.getByRole('slider', { name: 'Seek' });
    const quiet = await seekBar.boundingBox();
    await page.getByRole('button', { name: 'Next' }).click();
    await waitForPlayer(page, (v) => v.title === 'Beta' && v.status === 'playing', 15_000);
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(
      /Cannot play “Broken Track”: MP3 cannot be decoded here, or the file is damaged\./,
    );
    // The message line under the bar is kept empty, not taken away: the bar must not move.
    await expect(seekBar.boundingBox()).resolves.toEqual(quiet);
    await expect(page.locator('.queue-row.failed .queue-title').textContent()).resolves.toContain('Broken Track');
  });

  it('plays every format Chromium decodes, each to its end', async () => {
    const titles = FORMATS.map((f) => `Format ${f}`);
    const counts = new Map((await rows(...titles)).map((r) => [r.title, r.playCount]));
    await queueExactly(titles);
    await waitForPlayer(page, (v) => v.title === titles.at(-1) && v.status === 'playing', 30_000);
    await waitForPlayer(page, (v) => v.status === 'idle', 10_000);
    await expect
      .poll(async () => (await rows(...titles)).map((r) => r.playCount - counts.get(r.title)!))
      .toEqual(titles.map(() => 1));
    await expect(page.locator('.queue-row.failed').count()).resolves.toBe(0);
  });

  it('streams a long mix: it starts at once and seeks anywhere', async () => {
    const started = Date.now();
    await queueExactly(['Long Mix']);
    await waitForPlayer(page, (v) => v.status === 'playing' && v.position > 0.2);
    expect(Date.now() - started).toBeLessThan(5000);
    const element = await page.evaluate(() => {
      const audio = document.querySelector<HTMLAudioElement>('audio[data-testid="audio-output"]');
      return audio && { paused: audio.paused, src: audio.src, time: audio.currentTime };
    });
    expect(element, JSON.stringify({ element, view: await playerView(page) })).toMatchObject({
      paused: false,
      src: expect.stringContaining(`/media/${ids.get('Long Mix')}?`),
    });
    const bar = page.getByRole('slider', { name: 'Seek' });
    const box = (await bar.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
    await waitForPlayer(page, (v) => v.position > 0.89 * 13 * 60 && v.status === 'playing', 15_000);
    // A drag: the bar follows the pointer, and the seek happens where it is let go. The bar is
    // measured again: what stands beside it in the now-playing bar can change its width.
    const dragBox = (await bar.boundingBox())!;
    await page.mouse.move(dragBox.x + dragBox.width * 0.2, dragBox.y + dragBox.height / 2);
    await page.mouse.down();
    await page.mouse.move(dragBox.x + dragBox.width * 0.35, dragBox.y + dragBox.height / 2, { steps: 5 });
    await page.mouse.move(dragBox.x + dragBox.width * 0.5, dragBox.y + dragBox.height / 2, { steps: 5 });
    // React renders a pointer move at continuous priority, in a task after the event: poll.
    await expect.poll(() => bar.getAttribute('aria-valuenow')).toBe(String(Math.round(0.5 * 13 * 60)));
    await page.mouse.up();
    await waitForPlayer(page, (v) => Math.abs(v.position - 0.5 * 13 * 60) < 3 && v.status === 'playing', 15_000);
    await page.getByRole('button', { name: 'Pause' }).click();
  });

  it('logs no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
