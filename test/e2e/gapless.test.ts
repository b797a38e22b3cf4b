// Gapless playback, heard: two tracks cut from one continuous tone at an exact sample play
// back to back in the real app, and what reaches the output (recorded by a tap on the audio
// graph's destination) has no gap and no step at the join, nor at the switch from the first
// seconds' decode to the full one. As FLAC, and as MP3 from LAME, whose encoder delay and
// padding must be trimmed.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasFfmpeg } from '../support/audio.ts';
import { collectPageErrors, hasChromium, launchChromium } from '../support/browser.ts';
import { isBuilt, serveTonearm, tonearm, type ServedTonearm } from '../support/cli.ts';
import {
  analyseOutput,
  armOutputTap,
  dropOnQueue,
  installOutputTap,
  trackIdsByTitle,
  waitForPlayer,
} from './support/player.ts';
import { splitTone } from '../support/split-tone.ts';
import { tempDir } from '../support/temp.ts';

const FREQUENCY = 441;
const CASES = [
  // Lossless: the output must be the tone itself, step for step. Longer than what a cold start
  // decodes first, so the switch to the full decode is in the recording too.
  { format: 'flac', album: 'Flac Tone', firstSeconds: 12, secondSeconds: 3, jumpTolerance: 1.02, phaseTolerance: 0.05 },
  // Lossy: an MP3 frame that starts or ends mid-tone rings a little (coding noise, a few times
  // the tone's step at most); a gap or a wrong trim would be a silence, or a step the size of
  // the tone, and would put the second half out of phase by hundreds of samples.
  { format: 'mp3', album: 'Mp3 Tone', firstSeconds: 4, secondSeconds: 3, jumpTolerance: 3, phaseTolerance: 0.5 },
] as const;

describe.skipIf(!hasFfmpeg || !hasChromium || !isBuilt)('gapless playback', () => {
  const dir = tempDir();
  let served: ServedTonearm;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const mediaRanges: string[] = [];

  beforeAll(async () => {
    const music = join(dir.path, 'music');
    for (const c of CASES) await splitTone(music, c.format, { ...c, frequency: FREQUENCY });
    const db = join(dir.path, 'catalog.sqlite');
    await tonearm(['scan', music, '--db', db, '--json']);
    served = await serveTonearm(['--db', db]);
    browser = await launchChromium();
    // The tap's worklet comes from a blob: URL, which the app's CSP rightly refuses.
    context = await browser.newContext({ bypassCSP: true });
    await installOutputTap(context);
    page = await context.newPage();
    errors = collectPageErrors(page);
    page.on('request', (request) => {
      if (request.url().includes('/media/')) mediaRanges.push(`${request.url()} ${request.headers()['range'] ?? ''}`);
    });
    await page.goto(served.url);
    // Let the app build its audio graph (at its first play), so the tap is on it before the tones.
    await page.locator('.song-row', { hasText: 'Mp3 Tone 2' }).dblclick();
    await waitForPlayer(page, (v) => v.status === 'idle' && v.title === 'Mp3 Tone 2', 15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    dir.cleanup();
  });

  for (const c of CASES) {
    it(`joins two halves of one tone without a gap or a click (${c.format})`, async () => {
      const ids = await trackIdsByTitle(page);
      const first = ids.get(`${c.album} 1`)!;
      const second = ids.get(`${c.album} 2`)!;
      await armOutputTap(page);
      await page.locator('.song-row', { hasText: `${c.album} 1` }).dblclick();
      await page.getByRole('button', { name: 'Queue', exact: true }).click();
      await dropOnQueue(page, [second]);
      await page.getByRole('button', { name: 'Queue', exact: true }).click();
      await waitForPlayer(page, (v) => v.title === `${c.album} 2`, (c.firstSeconds + 10) * 1000);
      await waitForPlayer(page, (v) => v.status === 'idle', (c.secondSeconds + 10) * 1000);

      const output = await analyseOutput(page, FREQUENCY);
      const expectedStep = 2 * output.peak * Math.sin((Math.PI * FREQUENCY) / output.sampleRate);
      const report = JSON.stringify({ ...output, expectedStep });
      expect(output.droppedQuanta, report).toBe(0);
      expect(output.leadingSilenceSeconds, report).toBeGreaterThan(0);
      // The whole of both halves was heard, and nothing else.
      expect(output.soundingSeconds, report).toBeGreaterThan(c.firstSeconds + c.secondSeconds - 0.05);
      expect(output.soundingSeconds, report).toBeLessThan(c.firstSeconds + c.secondSeconds + 0.05);
      // A gap shows as a run of silence; a discontinuity as a step larger than the tone ever takes.
      expect(output.longestSilence, report).toBeLessThanOrEqual(3);
      expect(output.maxJump, report).toBeLessThanOrEqual(expectedStep * c.jumpTolerance);
      // And the second half continues the first on the very next sample.
      expect(output.maxPhaseErrorSamples, report).toBeLessThanOrEqual(c.phaseTolerance);

      if (c.format === 'flac') {
        // The first track started from a partial decode (two Range requests), so the switch to
        // the full decode is part of what was checked above.
        const firstRanges = mediaRanges.filter((line) => line.includes(`/media/${first}?`));
        expect(
          firstRanges.some((line) => /bytes=0-\d+$/.test(line)),
          firstRanges.join('\n'),
        ).toBe(true);
        expect(
          firstRanges.some((line) => /bytes=[1-9]\d*-\d+$/.test(line)),
          firstRanges.join('\n'),
        ).toBe(true);
      }
    });
  }

  it('logs no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
