// The start of most end-to-end tests: a folder scanned into a fresh catalog by the built
// `tonearm scan`, served by `tonearm serve`, and open in Chromium once its first rows show.
import type { Browser, Page } from 'playwright-core';
import { collectPageErrors, launchChromium } from '../../support/browser.ts';
import { serveTonearm, tonearm, type ServedTonearm } from '../../support/cli.ts';

export interface OpenLibrary {
  served: ServedTonearm;
  browser: Browser;
  page: Page;
  /** Errors the page logs, collected from the start. */
  errors: string[];
}

export async function openLibrary(options: {
  music: string;
  db: string;
  viewport: { width: number; height: number };
  /** What shows the library is there; a row of any track list by default. */
  waitFor?: string;
}): Promise<OpenLibrary> {
  await tonearm(['scan', options.music, '--db', options.db, '--json']);
  const served = await serveTonearm(['--db', options.db]);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: options.viewport });
    const errors = collectPageErrors(page);
    await page.goto(served.url);
    await page.waitForSelector(options.waitFor ?? '[data-track-id]');
    return { served, browser, page, errors };
  } catch (err) {
    // The caller's afterAll never saw these: close them here.
    await browser?.close();
    await served.stop();
    throw err;
  }
}
