// The views measured where the user sees them: the built app served by `tonearm serve` on the
// big catalog, in Chromium. Times are taken inside the page (performance.now around a click or
// a keystroke, until the rows are in the DOM and a frame has gone by).
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import WebSocket from 'ws';
import { launchChromium } from '../../test/support/browser.ts';
import { serveTonearm, type ServedTonearm } from '../../test/support/cli.ts';
import { median, roundMs } from '../support/stats.ts';
import type { Figure } from './main-figures.ts';
import { TYPED } from './main-figures.ts';

export interface Expected {
  /** The first track id of Songs in each of these orders (ascending). */
  firstId: Record<'artist' | 'album' | 'title' | 'year' | 'genre' | 'duration', number>;
}

/** The Songs columns the benches sort by, and each header's label. */
export const COLUMN_LABEL: Record<keyof Expected['firstId'], string> = {
  artist: 'Artist',
  album: 'Album',
  title: 'Title',
  year: 'Year',
  genre: 'Genre',
  duration: 'Time',
};

// The page's globals, for the functions below that run in it (this file is compiled without
// the DOM library, as the rest of bench/ is).
interface PageElement {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
  value: string;
  textContent: string | null;
  dataset: Record<string, string | undefined>;
  getAttribute(name: string): string | null;
  click(): void;
  getBoundingClientRect(): { top: number; bottom: number };
  querySelectorAll(selector: string): Iterable<PageElement>;
  dispatchEvent(event: Event): boolean;
}
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
};
declare const window: object;
declare const HTMLInputElement: { prototype: object };
declare function requestAnimationFrame(callback: () => void): number;

function rssOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/** A structural change from a second client: every cached order and snapshot is stale after it. */
async function touchLibrary(served: ServedTonearm): Promise<void> {
  const socket = new WebSocket(`${served.base.replace('http', 'ws')}/api?token=${served.token}`, {
    headers: { origin: served.base },
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const send = (id: number, name: string, input: unknown) =>
    new Promise<{ value?: unknown }>((resolve) => {
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(String(data)) as { id?: number; value?: unknown };
        if (message.id !== id) return;
        socket.off('message', onMessage);
        resolve(message);
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id, name, input }));
    });
  const roots = (await send(1, 'library.roots', {})).value as { id: number; watch: boolean }[];
  const root = roots[0]!;
  await send(2, 'library.setRootWatch', { rootId: root.id, watch: !root.watch });
  await send(3, 'library.setRootWatch', { rootId: root.id, watch: root.watch });
  socket.close();
}

// Helpers installed in the page: wait for a condition a frame at a time.
const PAGE_HELPERS = () => {
  const w = window as Record<string, unknown>;
  w.__frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  w.__until = async (check: () => boolean, limitMs = 10_000) => {
    const start = performance.now();
    while (!check()) {
      if (performance.now() - start > limitMs) throw new Error('timed out');
      await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    }
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  };
  w.__long = [] as number[];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) (w.__long as number[]).push(entry.duration);
  }).observe({ type: 'longtask' as 'mark', buffered: true });
};

type Helpers = {
  __until(check: () => boolean, limitMs?: number): Promise<void>;
  __frame(): Promise<void>;
  __long: number[];
};

async function coldStart(
  browser: Browser,
  dbPath: string,
): Promise<{ ms: number; hostMs: number; served: ServedTonearm; page: Page }> {
  const started = performance.now();
  const served = await serveTonearm(['--db', dbPath]);
  const hostMs = performance.now() - started;
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await page.goto(served.url);
  await page.waitForSelector('.track-row[data-track-id]');
  return { ms: roundMs(performance.now() - started), hostMs: roundMs(hostMs), served, page };
}

export async function chromiumFigures(
  dbPath: string,
  expected: Expected,
  runs: number,
): Promise<{ figures: Figure[]; mainRss: { rss: number; peak: number }; rendererHeapMB: number }> {
  const browser = await launchChromium();
  try {
    const cold: number[] = [];
    const host: number[] = [];
    let last: { served: ServedTonearm; page: Page } | null = null;
    for (let i = 0; i < runs; i++) {
      if (last) {
        await last.page.context().close();
        await last.served.stop();
      }
      const run = await coldStart(browser, dbPath);
      cold.push(run.ms);
      host.push(run.hostMs);
      last = run;
    }
    const { served, page } = last!;
    await page.evaluate(PAGE_HELPERS);

    // Column header clicks, each just after the library changed (nothing cached for them).
    const byArtist: number[] = [];
    const sortChange: number[] = [];
    const perColumn = new Map<string, number[]>();
    const order = ['artist', 'album', 'title', 'year', 'genre', 'duration'] as const;
    for (let round_ = 0; round_ < 6; round_++) {
      for (const field of order) {
        // The open list catches up with the change first (a new snapshot of its own order).
        await touchLibrary(served);
        await page.waitForTimeout(2000);
        const ms = await page.evaluate(
          async ({ label, id }) => {
            const h = window as unknown as Helpers;
            const header = [...document.querySelectorAll('.track-header [role="columnheader"]')].find((cell) =>
              cell.textContent?.startsWith(label),
            )!;
            const first = () => document.querySelector('.track-row[aria-rowindex="2"]')?.dataset.trackId;
            if (header.getAttribute('aria-sort')) throw new Error(`already sorted by ${label}`);
            const t = performance.now();
            header.click();
            await h.__until(() => first() === String(id));
            return performance.now() - t;
          },
          { label: COLUMN_LABEL[field], id: expected.firstId[field] },
        );
        sortChange.push(roundMs(ms));
        perColumn.set(field, [...(perColumn.get(field) ?? []), roundMs(ms)]);
        if (field === 'artist') byArtist.push(roundMs(ms));
      }
    }

    // The whole Songs list, top to bottom: jumps (a scrollbar drag) then wheel scrolling.
    await page.locator('.track-header [role="columnheader"]', { hasText: 'Artist' }).click();
    await page.waitForTimeout(500);
    const scroll = await page.evaluate(async () => {
      const h = window as unknown as Helpers;
      const list = document.querySelector('.track-list')!;
      h.__long.length = 0;
      const filled: number[] = [];
      const steps = 200;
      const blank = () => {
        const box = list.getBoundingClientRect();
        return [...list.querySelectorAll('.track-row.placeholder')].some((row) => {
          const r = row.getBoundingClientRect();
          return r.bottom > box.top && r.top < box.bottom;
        });
      };
      for (let i = 1; i <= steps; i++) {
        list.scrollTop = (i / steps) * (list.scrollHeight - list.clientHeight);
        const t = performance.now();
        await h.__frame();
        await h.__until(() => !blank(), 5000);
        filled.push(performance.now() - t);
      }
      return { filled, long: [...h.__long], height: list.scrollHeight };
    });
    await page.evaluate(() => {
      const list = document.querySelector('.track-list')!;
      list.scrollTop = 0;
      (window as unknown as Helpers).__long.length = 0;
    });
    const box = (await page.locator('.track-list').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 300; i++) {
      await page.mouse.wheel(0, 1500);
      await page.waitForTimeout(16);
    }
    const wheelLong = await page.evaluate(() => [...(window as unknown as Helpers).__long]);

    // Typing in the search box, each keystroke until its results are on screen.
    const typing: number[] = [];
    const search = page.getByRole('searchbox', { name: 'Search the library' });
    await search.focus();
    await page.waitForTimeout(500);
    for (const phrase of TYPED) {
      for (let n = 1; n <= phrase.length; n++) {
        const text = phrase.slice(0, n);
        const ms = await page.evaluate(async (value) => {
          const h = window as unknown as Helpers;
          const input = document.querySelector('.search-box input')!;
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
          const t = performance.now();
          setter.call(input, value);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await h.__until(
            () => document.querySelector('.search-view .view-title')?.textContent === `“${value.trim()}”`,
          );
          return performance.now() - t;
        }, text);
        typing.push(roundMs(ms));
      }
      await search.press('Escape');
    }

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
    const mainRss = rssOf(served.process.pid!);
    await page.context().close();
    await served.stop();

    return {
      mainRss,
      rendererHeapMB: Math.round(heap / 2 ** 20),
      figures: [
        {
          name: 'cold start: `tonearm serve` launched → Songs rows shown in Chromium',
          samples: cold,
          target: 1500,
          by: 'max',
          note: `host ready after ${host.map(Math.round).join(', ')} ms`,
        },
        { name: 'Chromium: click Artist → rows sorted by artist shown', samples: byArtist, target: 100, by: 'p95' },
        {
          name: 'Chromium: click a column header → rows in that order shown',
          samples: sortChange,
          target: 150,
          by: 'p95',
          note: `medians: ${[...perColumn].map(([field, ms]) => `${field} ${Math.round(median(ms))}`).join(', ')}`,
        },
        {
          name: 'Chromium: scroll all 250k rows in 200 jumps, jump → rows filled',
          samples: scroll.filled.map(roundMs),
          note: `list ${Math.round(scroll.height / 1e6)} Mpx tall`,
        },
        {
          name: 'Chromium: long tasks while jumping through the list',
          samples: scroll.long.length ? scroll.long.map(roundMs) : [0],
          target: 50,
          by: 'max',
          note: `${scroll.long.length} long tasks`,
        },
        {
          name: 'Chromium: long tasks while wheel-scrolling (300 × 1500 px)',
          samples: wheelLong.length ? wheelLong.map(roundMs) : [0],
          target: 50,
          by: 'max',
          note: `${wheelLong.length} long tasks`,
        },
        { name: 'Chromium: keystroke → search results shown', samples: typing, note: `${typing.length} keystrokes` },
      ],
    };
  } finally {
    await browser.close();
  }
}
