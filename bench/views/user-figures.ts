// The views as a user feels them (issue 16): Chromium against `tonearm serve`, real input
// (playwright's keyboard and mouse), each time from the input event's timestamp to the paint
// of the first frame showing the right rows (page-probe.ts), the right rows being what
// `tonearm query` gives for the same text or sort (the same queryTrackIds, read here
// beforehand). Several fresh hosts; blank frames counted while scrolling; the host's memory
// after every view has been opened once.
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { queryTrackIds } from '../../src/main/core/views/query-tracks.ts';
import type { TrackSort } from '../../src/shared/views.ts';
import { launchChromium } from '../../test/support/browser.ts';
import { serveTonearm } from '../../test/support/cli.ts';
import { median, roundMs } from '../support/stats.ts';
import type { Figure } from './main-figures.ts';
import { TYPED } from './main-figures.ts';
import { COLUMN_LABEL } from './chromium-figures.ts';
import { installProbe, type FrameCounts, type Painted, type Probe } from './page-probe.ts';
import { ensurePlaylist, probeOf, rssMB } from './user-support.ts';

// The page's globals, for the functions below that run in it (bench/ has no DOM library).
declare const window: unknown;
declare const document: { querySelector(selector: string): unknown };

const SORTED = Object.keys(COLUMN_LABEL) as (keyof typeof COLUMN_LABEL)[];
const SONGS_SORT: TrackSort = { field: 'albumArtist', desc: false };
const SEARCH_SORT: TrackSort = { field: 'albumArtist', desc: false };
const VIEWS = ['Albums', 'Artists', 'Genres', 'Folders', 'Recently added', 'Songs'];

interface Expected {
  cold: number;
  sorted: Record<keyof typeof COLUMN_LABEL, number>;
  search: Map<string, number | null>;
}

function expectedRows(dbPath: string): Expected {
  const db = new Database(dbPath, { readonly: true });
  try {
    const first = (sort: TrackSort, search?: string) => queryTrackIds(db, { sort, search })[0] ?? null;
    const search = new Map<string, number | null>();
    for (const phrase of TYPED)
      for (let n = 1; n <= phrase.length; n++) {
        const text = phrase.slice(0, n).trim().replace(/\s+/g, ' ');
        if (!search.has(text)) search.set(text, first(SEARCH_SORT, text));
      }
    return {
      cold: first(SONGS_SORT)!,
      sorted: Object.fromEntries(SORTED.map((field) => [field, first({ field, desc: false })!])) as Expected['sorted'],
      search,
    };
  } finally {
    db.close();
  }
}

interface HostRun {
  coldMs: number;
  hostMs: number;
  navToRowsMs: number;
  fcpMs: number;
  sort: number[];
  sortBy: [string, number][];
  keys: number[];
  /** Of each keystroke's time, from its input to the host's last reply before the paint. */
  keyReplies: number[];
  staleTitles: number;
  wheel: FrameCounts;
  jumps: FrameCounts;
  coversMs: number;
  rss: { own: number; children: number };
  rssIdle: { own: number; children: number };
  /** The host's RSS (MB) after each step: where its memory comes from. */
  steps: [string, number][];
}

async function oneHost(browser: Browser, dbPath: string, expected: Expected, full: boolean): Promise<HostRun> {
  const started = performance.now();
  const served = await serveTonearm(['--db', dbPath]);
  const hostMs = performance.now() - started;
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  try {
    await page.addInitScript(installProbe, expected.cold);
    await page.goto(served.url);
    const cold = await page.waitForFunction(() => (window as unknown as { __probe: Probe }).__probe.cold, null, {
      timeout: 30_000,
      polling: 50,
    });
    const navToRows = ((await cold.jsonValue()) as Painted).paintedAt;
    const coldMs = hostMs + navToRows;
    const fcpMs = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    const run: HostRun = {
      coldMs: roundMs(coldMs),
      hostMs: roundMs(hostMs),
      navToRowsMs: roundMs(navToRows),
      fcpMs: roundMs(fcpMs),
      sort: [],
      sortBy: [],
      keys: [],
      keyReplies: [],
      staleTitles: 0,
      wheel: { frames: 0, blank: 0, undrawn: 0 },
      jumps: { frames: 0, blank: 0, undrawn: 0 },
      coversMs: Number.NaN,
      rss: { own: 0, children: 0 },
      rssIdle: rssMB(served.process.pid!),
      steps: [],
    };
    const step = (name: string) => run.steps.push([name, rssMB(served.process.pid!).own]);
    if (!full) return run;
    const probe = probeOf(page);
    // Let the start's background work (the watches, the order read after the first rows) end.
    await page.waitForTimeout(Number(process.env.TONEARM_BENCH_SETTLE_MS ?? 5000));
    run.rssIdle = rssMB(served.process.pid!);
    step('started');

    for (const field of SORTED) {
      const header = page
        .locator('.view .track-header [role="columnheader"]', { hasText: new RegExp(`^${COLUMN_LABEL[field]}`) })
        .first();
      await probe.arm({ kind: 'firstRow', scope: '.view', id: expected.sorted[field] });
      await header.click();
      const painted = await probe.painted();
      run.sort.push(roundMs(painted.paintedAt - painted.inputAt));
      run.sortBy.push([field, roundMs(painted.paintedAt - painted.inputAt)]);
      await page.waitForTimeout(300);
    }

    // Scrolling Songs (by artist now): the wheel, then jumps across the whole list.
    const list = (await page.locator('.view .track-list').boundingBox())!;
    await page.mouse.move(list.x + list.width / 2, list.y + list.height / 2);
    await probe.counting(true);
    for (let i = 0; i < 400; i++) {
      await page.mouse.wheel(0, i < 200 ? 120 : 600);
      await page.waitForTimeout(16);
    }
    await page.waitForTimeout(300);
    run.wheel = await probe.counting(true);
    for (let i = 1; i <= 100; i++) {
      await page.evaluate((at) => {
        const element = document.querySelector('.view .track-list') as unknown as {
          scrollTop: number;
          scrollHeight: number;
          clientHeight: number;
        };
        element.scrollTop = at * (element.scrollHeight - element.clientHeight);
      }, i / 100);
      await page.waitForTimeout(50);
    }
    run.jumps = await probe.counting(false);
    step('sorted and scrolled');

    // Typing: each keystroke until its results are painted.
    const box = page.getByRole('searchbox', { name: 'Search the library' });
    await box.click();
    await page.waitForTimeout(500);
    for (const phrase of TYPED) {
      for (let n = 1; n <= phrase.length; n++) {
        const text = phrase.slice(0, n).trim().replace(/\s+/g, ' ');
        // A space at the end searches what is already shown: nothing new to paint.
        if (phrase[n - 1] === ' ') {
          await page.keyboard.press('Space');
          continue;
        }
        await probe.arm({ kind: 'search', title: text, id: expected.search.get(text) ?? null });
        await page.keyboard.press(phrase[n - 1] === ' ' ? 'Space' : phrase[n - 1]!);
        const painted = await probe.painted();
        run.keys.push(roundMs(painted.paintedAt - painted.inputAt));
        run.keyReplies.push(roundMs(Math.max(0, painted.replyAt - painted.inputAt)));
      }
      // The titles this phrase's keystrokes painted (the last one of the phrase before is left out).
      const prefixes = new Set(
        [...phrase].map(
          (_, n) =>
            `“${phrase
              .slice(0, n + 1)
              .trim()
              .replace(/\s+/g, ' ')}”`,
        ),
      );
      const shown = (await probe.titles()).filter((title) => prefixes.has(title));
      // Results of an earlier keystroke painted after a later one's: stale.
      for (let i = 1; i < shown.length; i++) {
        if (shown[i]!.length >= shown[i - 1]!.length) continue;
        run.staleTitles++;
        if (process.env.TONEARM_BENCH_DEBUG) console.error(`stale: ${shown.join(' → ')}`);
      }
      await page.keyboard.press('Escape');
      await box.click();
    }
    await page.keyboard.press('Escape');
    step('searched');

    // Every other view once (the memory figure is after all of them).
    for (const view of VIEWS) {
      const item = page.locator('.sidebar .nav-item', { hasText: view });
      if (view === 'Albums') {
        await probe.arm({ kind: 'cover' });
        await item.click();
        const painted = await probe.painted();
        run.coversMs = roundMs(painted.paintedAt - painted.inputAt);
      } else await item.click();
      await page.waitForTimeout(1500);
      step(view);
    }
    const playlist = page.locator('.sidebar .playlist-node.playlist .playlist-label').first();
    if (await playlist.count()) {
      await playlist.click();
      await page.waitForTimeout(1500);
      step('playlist');
    }
    run.rss = rssMB(served.process.pid!);
    return run;
  } finally {
    await context.close();
    await served.stop();
  }
}

export async function userFigures(
  dbPath: string,
  hosts: number,
  fullRuns: number,
  chromiumSwitches: string[] = [],
): Promise<{ figures: Figure[]; memory: string }> {
  await ensurePlaylist(dbPath);
  const expected = expectedRows(dbPath);
  const browser = await launchChromium(chromiumSwitches);
  const runs: HostRun[] = [];
  try {
    for (let i = 0; i < hosts; i++) {
      runs.push(await oneHost(browser, dbPath, expected, i >= hosts - fullRuns));
      console.error(`host ${i + 1}/${hosts}: rows painted ${runs[i]!.coldMs} ms after launch`);
    }
  } finally {
    await browser.close();
  }
  const full = runs.filter((run) => run.sort.length > 0);
  const sum = (counts: FrameCounts[]) =>
    counts.reduce(
      (a, b) => ({ frames: a.frames + b.frames, blank: a.blank + b.blank, undrawn: a.undrawn + b.undrawn }),
      { frames: 0, blank: 0, undrawn: 0 },
    );
  const wheel = sum(full.map((run) => run.wheel));
  const jumps = sum(full.map((run) => run.jumps));
  const stale = full.reduce((n, run) => n + run.staleTitles, 0);
  const last = full[full.length - 1];
  const figures: Figure[] = [
    {
      name: `user: cold start, \`tonearm serve\` launched → first Songs rows painted (${hosts} fresh hosts)`,
      samples: runs.map((run) => run.coldMs),
      target: 1000,
      by: 'p95',
      note: `host ready after ${runs.map((run) => Math.round(run.hostMs)).join(', ')} ms`,
    },
    {
      name: 'user: cold start, navigation → first Songs rows painted',
      samples: runs.map((run) => run.navToRowsMs),
      note: `first contentful paint ${runs.map((run) => Math.round(run.fcpMs)).join(', ')} ms`,
    },
    {
      name: `user: search keystroke → correct results painted (${full.length} hosts)`,
      samples: full.flatMap((run) => run.keys),
      target: 30,
      by: 'p95',
      note: `${full[0]?.keys.length ?? 0} keystrokes per host; stale results painted over newer: ${stale}`,
    },
    {
      name: "… of which input → the host's last reply before that frame",
      samples: full.flatMap((run) => run.keyReplies),
    },
    {
      name: 'user: sort header click → new first row painted',
      samples: full.flatMap((run) => run.sort),
      target: 150,
      by: 'p95',
      note: `medians: ${SORTED.map((field) => `${field} ${Math.round(median(full.flatMap((run) => run.sortBy.filter(([f]) => f === field).map(([, ms]) => ms))))}`).join(', ')}`,
    },
    {
      name: 'user: Albums view, click → first cover painted',
      samples: full.map((run) => run.coversMs),
      target: 500,
      by: 'max',
    },
  ];
  const memory =
    `user-side blank frames: wheel ${wheel.blank} of ${wheel.frames} frames (target 0), jumps across the list ${jumps.blank} of ${jumps.frames}; ` +
    `\`tonearm serve\` RSS after opening every view ${last?.rss.own ?? '?'} MB (${(last?.rss.own ?? 0) + (last?.rss.children ?? 0)} MB with its children; target ≤ 300 MB), ` +
    `idle after the start ${last?.rssIdle.own ?? '?'} MB; step by step: ${last?.steps.map(([name, mb]) => `${name} ${mb}`).join(', ')}`;
  return { figures, memory };
}
