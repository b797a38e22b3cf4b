// The track table's layout in real Chromium: in a wide window its columns fill the list, at
// 800×600 the key columns fit without sideways scrolling, and the open queue panel sits
// beside the table instead of over its right columns.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasFfmpeg } from '../support/audio.ts';
import { hasChromium } from '../support/browser.ts';
import { isBuilt, type ServedTonearm } from '../support/cli.ts';
import { smallLibrary } from '../support/library.ts';
import { tempDir } from '../support/temp.ts';
import { openLibrary } from './support/open-library.ts';

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The list's client box (without its scrollbar) and its scroll width, and every header cell's box and label. */
const layout = (page: Page) =>
  page.evaluate(() => {
    const list = document.querySelector('.track-list') as HTMLElement;
    const box = list.getBoundingClientRect();
    const cells = [...document.querySelectorAll<HTMLElement>('.track-header [role="columnheader"]')].map((cell) => {
      const { left, right, top, bottom } = cell.getBoundingClientRect();
      return { label: cell.textContent ?? '', left, right, top, bottom };
    });
    return {
      list: { left: box.left, right: box.left + list.clientWidth },
      scrollWidth: list.scrollWidth,
      clientWidth: list.clientWidth,
      cells,
    };
  });

// The queue's column may be a fractional width (28vw): a shared edge can differ by under a pixel.
const overlaps = (a: Box, b: Box) =>
  a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;

describe.skipIf(!hasFfmpeg || !hasChromium || !isBuilt)('track table layout in Chromium', () => {
  const dir = tempDir();
  let served: ServedTonearm;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const music = join(dir.path, 'music');
    await smallLibrary(music, 40);
    ({ served, browser, page, errors } = await openLibrary({
      music,
      db: join(dir.path, 'catalog.sqlite'),
      viewport: { width: 1920, height: 1080 },
    }));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    dir.cleanup();
  });

  it('fills the list’s width at 1920×1080', async () => {
    const { list, cells } = await layout(page);
    const last = cells.at(-1)!;
    expect(Math.abs(list.right - last.right)).toBeLessThanOrEqual(4);
    const title = cells.find((cell) => cell.label.startsWith('Title'))!;
    expect(title.right - title.left).toBeGreaterThan(250);
  });

  it('fits Title, Artist, Album and Time in 800×600 without sideways scrolling', async () => {
    await page.setViewportSize({ width: 800, height: 600 });
    await expect
      .poll(async () => {
        const { scrollWidth, clientWidth } = await layout(page);
        return scrollWidth <= clientWidth;
      })
      .toBe(true);
    const { cells } = await layout(page);
    for (const label of ['Title', 'Artist', 'Album', 'Time']) {
      const cell = cells.find((c) => c.label.startsWith(label));
      expect(cell, label).toBeDefined();
      expect(cell!.left).toBeGreaterThanOrEqual(0);
      expect(cell!.right).toBeLessThanOrEqual(800);
    }
  });

  it('keeps every header cell clear of the open queue panel', async () => {
    for (const width of [800, 1280, 1920]) {
      await page.setViewportSize({ width, height: width === 800 ? 600 : 900 });
      const toggle = page.getByRole('button', { name: 'Queue', exact: true });
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
      const panel = (await page.getByTestId('queue-panel').boundingBox())!;
      const queue = { left: panel.x, right: panel.x + panel.width, top: panel.y, bottom: panel.y + panel.height };
      await expect
        .poll(async () => {
          const { cells, scrollWidth, clientWidth } = await layout(page);
          return cells.some((cell) => overlaps(cell, queue)) || scrollWidth > clientWidth;
        })
        .toBe(false);
      const { cells } = await layout(page);
      expect(cells.map((cell) => cell.label.replace(/[▲▼]/g, ''))).toContain('Title');
    }
  });

  it('logs no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
