// Scrolling Songs on a 20,000-track catalog in Chromium: every frame painted while the wheel
// turns (and while paging with the keyboard) shows filled rows from the top of the list to its
// bottom, no placeholder and no gap. Frames are checked inside the page, one
// requestAnimationFrame at a time (bench/views/page-probe.ts, which `npm run bench:views` uses).
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../bench/views/catalog.ts';
import { installProbe, type FrameCounts, type Probe } from '../../bench/views/page-probe.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { isBuilt, serveTonearm, type ServedTonearm } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';

declare const window: unknown;

describe.skipIf(!hasChromium || !isBuilt)('scrolling a 20,000-track list', () => {
  const dir = tempDir();
  let served: ServedTonearm;
  let browser: Browser;
  let page: Page;

  const counting = (on: boolean): Promise<FrameCounts> =>
    page.evaluate((value) => {
      const probe = (window as { __probe: Probe }).__probe;
      probe.counting = value;
      const counts = { ...probe.counts };
      probe.counts = { frames: 0, blank: 0, undrawn: 0 };
      return counts;
    }, on);

  beforeAll(async () => {
    const db = join(dir.path, 'catalog.sqlite');
    await buildCatalog({ dbPath: db, tracks: 20_000, covers: 4 });
    served = await serveTonearm(['--db', db]);
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
    await page.addInitScript(installProbe, -1);
    await page.goto(served.url);
    await page.waitForSelector('.view .track-row[data-track-id]');
    // The order is read whole right after the first rows: let that and the start settle.
    await page.waitForTimeout(1500);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    dir.cleanup();
  });

  it('paints no frame with blank rows while the wheel turns, down and back up', async () => {
    const list = (await page.locator('.view .track-list').boundingBox())!;
    await page.mouse.move(list.x + list.width / 2, list.y + list.height / 2);
    await counting(true);
    for (let i = 0; i < 240; i++) {
      await page.mouse.wheel(0, i < 160 ? 200 : -200);
      await page.waitForTimeout(20);
    }
    await page.waitForTimeout(300);
    const counts = await counting(false);
    expect(counts.frames).toBeGreaterThan(60);
    expect(counts, JSON.stringify(counts)).toMatchObject({ blank: 0 });
  });

  it('paints no frame with blank rows while paging down with the keyboard', async () => {
    await page.locator('.view .track-row[data-track-id]').first().click();
    await counting(true);
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(30);
    }
    await page.waitForTimeout(300);
    const counts = await counting(false);
    expect(counts.frames).toBeGreaterThan(20);
    expect(counts, JSON.stringify(counts)).toMatchObject({ blank: 0 });
  });
});
