// A damaged catalog in Chromium against `tonearm serve`: the host still starts, Settings →
// Library offers the backups, Restore brings the library back with its play counts.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogStatus } from '../../src/shared/catalog.ts';
import { hasFfmpeg } from '../support/audio.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { isBuilt, serveTonearm, tonearm, type ServedTonearm } from '../support/cli.ts';
import { damageIndexPage } from '../support/damage.ts';
import { smallLibrary } from '../support/library.ts';
import { tempDir } from '../support/temp.ts';
import { callApi } from './support/player.ts';

describe.skipIf(!hasFfmpeg || !hasChromium || !isBuilt)('restoring a damaged catalog in Chromium', () => {
  const dir = tempDir();
  const db = join(dir.path, 'catalog.sqlite');
  let served: ServedTonearm | null = null;
  let browser: Browser;
  let page: Page;
  /** Track id → plays recorded before the backup. */
  const plays = new Map<number, number>();

  beforeAll(async () => {
    const music = join(dir.path, 'music');
    await smallLibrary(music, 12, 5);
    await tonearm(['scan', music, '--db', db, '--json']);
    const first = await serveTonearm(['--db', db]);
    const { rows } = await callApi<{ rows: { id: number }[] }>(first.base, first.token, 'library.tracks', {
      offset: 0,
      limit: 100,
    });
    for (const [index, row] of rows.slice(0, 3).entries()) {
      for (let n = 0; n <= index; n++)
        await callApi(first.base, first.token, 'playback.recordPlay', { trackId: row.id });
      plays.set(row.id, index + 1);
    }
    await first.stop();
    await tonearm(['backup', '--db', db]);
    damageIndexPage(db);

    served = await serveTonearm(['--db', db]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1100, height: 640 } });
    // The Songs table with its Plays column (the column layout lives in the page's storage).
    await page.addInitScript(() =>
      localStorage.setItem('tonearm.columns.v1', JSON.stringify({ visible: ['title', 'playCount'], widths: {} })),
    );
    await page.goto(served.url);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    dir.cleanup();
  });

  it('starts on the damaged catalog and says so through the contract', async () => {
    const status = await callApi<CatalogStatus>(served!.base, served!.token, 'catalog.status', {});
    expect(status).toMatchObject({ path: db, state: 'damaged' });
    expect(status.problem).toContain(`The catalog ${db} is damaged`);
    // Everything else answers the same sentence, not INTERNAL and a stack.
    await expect(
      callApi(served!.base, served!.token, 'views.open', {
        spec: { kind: 'artists', sort: { field: 'name', desc: false } },
        limit: 10,
      }),
    ).rejects.toThrow(/"code":"DB_CORRUPT".*Restore a backup/);
  });

  it('shows the restore offer in Settings → Library', async () => {
    await page.getByRole('region', { name: 'Catalog backups' }).waitFor();
    await expect
      .poll(() => page.getByRole('region', { name: 'Catalog backups' }).getByRole('alert').textContent())
      .toContain('is damaged');
    // tonearm backup's (a serve makes the day's backup a minute after its start, and this one stopped sooner).
    expect(await page.getByRole('button', { name: /^Restore the backup of / }).count()).toBeGreaterThanOrEqual(1);
  });

  it('restores on a click, and the Songs view shows the play counts again', async () => {
    // Newest first: the one with the plays.
    await page
      .getByRole('button', { name: /^Restore the backup of / })
      .first()
      .click();
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Songs' }).click();
    for (const [trackId, count] of plays) {
      const cell = page.locator(`.song-row[data-track-id="${trackId}"] .col-playCount`);
      await expect.poll(() => cell.textContent(), { timeout: 15_000 }).toBe(String(count));
    }
    expect(readdirSync(dir.path).some((name) => /^catalog\.sqlite\.damaged-[\d-]+$/.test(name))).toBe(true);
    const status = await callApi<CatalogStatus>(served!.base, served!.token, 'catalog.status', {});
    expect(status.state).toBe('ok');
  });
});
