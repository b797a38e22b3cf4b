// What a view's header says, read the way a user reads it.
import type { Page } from 'playwright-core';

/** The count beside the open view's title ("1,234 tracks" → 1234), 0 before it shows. */
export async function songCount(page: Page): Promise<number> {
  return Number(((await page.locator('.view-header .view-detail').textContent()) ?? '').replace(/\D/g, '') || 0);
}
