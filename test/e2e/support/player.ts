// Driving and observing the player in Chromium: its state as the now-playing bar shows it,
// tracks queued the way a list hands them over (a drop of track ids), and a tap on the audio
// graph's output that records what would reach the speakers, sample by sample.
import type { BrowserContext, Page } from 'playwright-core';
import WebSocket from 'ws';

export interface PlayerView {
  status: string | null;
  title: string | null;
  position: number;
}

export async function playerView(page: Page): Promise<PlayerView> {
  return page.evaluate(() => {
    const bar = document.querySelector('[data-testid="now-playing"]');
    return {
      status: bar?.getAttribute('data-status') ?? null,
      title: document.querySelector('[data-testid="now-playing-title"]')?.textContent ?? null,
      position: Number(bar?.getAttribute('data-position') ?? 'NaN'),
    };
  });
}

export async function waitForPlayer(page: Page, check: (view: PlayerView) => boolean, timeout = 30_000) {
  const until = Date.now() + timeout;
  let view = await playerView(page);
  while (!check(view)) {
    if (Date.now() > until) throw new Error(`player never got there; last seen ${JSON.stringify(view)}`);
    await page.waitForTimeout(100);
    view = await playerView(page);
  }
  return view;
}

/** Drops tracks onto the open queue panel (at the end), as a list's drag of rows would. */
export async function dropOnQueue(page: Page, trackIds: number[], selector = '[data-testid="queue-panel"]') {
  const data = await page.evaluateHandle((ids) => {
    const transfer = new DataTransfer();
    transfer.setData('application/x-tonearm-track-ids', JSON.stringify(ids));
    return transfer;
  }, trackIds);
  await page.dispatchEvent(selector, 'dragover', { dataTransfer: data });
  await page.dispatchEvent(selector, 'drop', { dataTransfer: data });
}

export const queueTitles = (page: Page) => page.locator('.queue-row .queue-title').allTextContents();

async function setQueueOpen(page: Page, open: boolean) {
  const button = page.getByRole('button', { name: 'Queue', exact: true });
  if (((await button.getAttribute('aria-expanded')) === 'true') !== open) await button.click();
}

/**
 * Plays `titles` as the queue and nothing else, repeat off: a double-click on the first in the
 * Songs view (which may queue its whole list), then Clear (which keeps the playing track) and
 * the rest dropped on the queue panel. Leaves the panel as it found it, unless `keepOpen`.
 */
export async function playExactly(page: Page, titles: string[], idOf: (title: string) => number, keepOpen = false) {
  const repeat = page.locator('[data-repeat]');
  while ((await repeat.getAttribute('data-repeat')) !== 'off') await repeat.click();
  await page.locator('[data-track-id]', { hasText: titles[0] }).first().dblclick();
  await waitForPlayer(page, (v) => v.title === titles[0]);
  await setQueueOpen(page, true);
  await page.getByRole('button', { name: 'Clear' }).click();
  if (titles.length > 1) await dropOnQueue(page, titles.slice(1).map(idOf));
  const until = Date.now() + 10_000;
  while (JSON.stringify(await queueTitles(page)) !== JSON.stringify(titles)) {
    if (Date.now() > until) throw new Error(`the queue is ${JSON.stringify(await queueTitles(page))}`);
    await page.waitForTimeout(50);
  }
  if (!keepOpen) await setQueueOpen(page, false);
}

/** Track ids by title, from the catalog through the contract (not from any one view's markup). */
export async function trackIdsByTitle(base: string, token: string): Promise<Map<string, number>> {
  const { rows } = await callApi<{ rows: { id: number; title: string }[] }>(base, token, 'library.tracks', {
    offset: 0,
    limit: 2000,
  });
  return new Map(rows.map((row) => [row.title, row.id]));
}

// Runs in the page before the app: whatever connects to a context's destination is also fed to
// an AudioWorklet that posts each render quantum (channel 0) with its frame number once armed.
const TAP_SCRIPT = `(() => {
  const processor = \`class Tap extends AudioWorkletProcessor {
    constructor() { super(); this.armed = false; this.port.onmessage = (e) => { this.armed = e.data === 'arm'; }; }
    process(inputs) {
      const channel = inputs[0] && inputs[0][0];
      if (this.armed) this.port.postMessage({ frame: currentFrame, data: channel ? channel.slice(0) : new Float32Array(128) });
      return true;
    }
  }
  registerProcessor('output-tap', Tap);\`;
  const url = URL.createObjectURL(new Blob([processor], { type: 'text/javascript' }));
  const connect = AudioNode.prototype.connect;
  const tap = { chunks: [], nodes: [], sampleRate: 0 };
  window.__outputTap = tap;
  AudioNode.prototype.connect = function (destination, ...rest) {
    const result = connect.call(this, destination, ...rest);
    if (destination instanceof AudioDestinationNode && !(this instanceof AudioWorkletNode)) {
      const source = this;
      const ctx = source.context;
      ctx.audioWorklet.addModule(url).then(() => {
        const node = new AudioWorkletNode(ctx, 'output-tap', { channelCount: 2, channelCountMode: 'explicit' });
        connect.call(source, node);
        connect.call(node, ctx.destination);
        node.port.onmessage = (event) => tap.chunks.push(event.data);
        tap.nodes.push(node);
        tap.sampleRate = ctx.sampleRate;
      });
    }
    return result;
  };
})();`;

/**
 * Must be called before the page loads; the context needs bypassCSP for the worklet's blob URL.
 * The tap joins the graph only once the app made it (at its first play, a few ms later than
 * the graph): let the app play something before arming it for a recording.
 */
export async function installOutputTap(context: BrowserContext): Promise<void> {
  await context.addInitScript(TAP_SCRIPT);
}

export async function armOutputTap(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window as unknown as { __outputTap: { nodes: unknown[] } }).__outputTap.nodes.length > 0,
  );
  await page.evaluate(() => {
    const tap = (window as unknown as { __outputTap: { nodes: AudioWorkletNode[]; chunks: unknown[] } }).__outputTap;
    tap.chunks.length = 0;
    for (const node of tap.nodes) node.port.postMessage('arm');
  });
}

export interface OutputAnalysis {
  sampleRate: number;
  /** Silence recorded before the first sound: proof the recording did not miss the start. */
  leadingSilenceSeconds: number;
  /** Render quanta missing from the recording (should be none). */
  droppedQuanta: number;
  /** The stretch from the first to the last sample above the silence threshold. */
  soundingSeconds: number;
  peak: number;
  /** The largest step between neighbouring samples inside that stretch, and where. */
  maxJump: number;
  maxJumpAtSeconds: number;
  /** The longest run of near-silent samples inside that stretch. */
  longestSilence: number;
  longestSilenceAtSeconds: number;
  /**
   * For a pure tone: how far (in samples) the tone's phase strays from where one continuous tone
   * would be, over windows all along the stretch. A lost or doubled sample anywhere shows here.
   */
  maxPhaseErrorSamples: number;
  maxPhaseErrorAtSeconds: number;
}

/** Analyses what the tap recorded (channel 0), in the page; `frequency` is the tone's. */
export async function analyseOutput(page: Page, frequency: number, silence = 1e-4): Promise<OutputAnalysis> {
  return page.evaluate(
    ([threshold, tone]) => {
      const tap = (
        window as unknown as { __outputTap: { chunks: { frame: number; data: Float32Array }[]; sampleRate: number } }
      ).__outputTap;
      const chunks = tap.chunks;
      let dropped = 0;
      for (let i = 1; i < chunks.length; i++) {
        dropped += Math.max(0, Math.round((chunks[i]!.frame - chunks[i - 1]!.frame) / 128) - 1);
      }
      const samples = new Float32Array(chunks.length * 128);
      chunks.forEach((chunk, i) => samples.set(chunk.data, i * 128));
      let first = 0;
      while (first < samples.length && Math.abs(samples[first]!) < threshold) first++;
      let last = samples.length - 1;
      while (last > first && Math.abs(samples[last]!) < threshold) last--;
      let peak = 0;
      let maxJump = 0;
      let maxJumpAt = first;
      let run = 0;
      let longest = 0;
      let longestAt = first;
      for (let i = first; i <= last; i++) {
        const value = samples[i]!;
        peak = Math.max(peak, Math.abs(value));
        if (i > first) {
          const jump = Math.abs(value - samples[i - 1]!);
          if (jump > maxJump) {
            maxJump = jump;
            maxJumpAt = i;
          }
        }
        run = Math.abs(value) < threshold ? run + 1 : 0;
        if (run > longest) {
          longest = run;
          longestAt = i;
        }
      }
      const rate = tap.sampleRate;
      // Least-squares phase of the tone in a window (sin and cos are near-orthogonal over it).
      const omega = (2 * Math.PI * tone) / rate;
      const span = 2048;
      const phaseAt = (start: number) => {
        let a = 0;
        let b = 0;
        for (let n = start; n < start + span; n++) {
          a += samples[n]! * Math.sin(omega * (n - first));
          b += samples[n]! * Math.cos(omega * (n - first));
        }
        return Math.atan2(b, a);
      };
      const reference = phaseAt(first + span);
      let maxPhaseError = 0;
      let maxPhaseErrorAt = first;
      for (let start = first + span; start + span < last - span; start += Math.round(rate / 20)) {
        let delta = phaseAt(start) - reference;
        delta = Math.atan2(Math.sin(delta), Math.cos(delta));
        const samplesOff = Math.abs(delta / omega);
        if (samplesOff > maxPhaseError) {
          maxPhaseError = samplesOff;
          maxPhaseErrorAt = start;
        }
      }
      return {
        sampleRate: rate,
        leadingSilenceSeconds: first / rate,
        droppedQuanta: dropped,
        soundingSeconds: (last - first) / rate,
        peak,
        maxJump,
        maxJumpAtSeconds: (maxJumpAt - first) / rate,
        longestSilence: longest,
        longestSilenceAtSeconds: (longestAt - first) / rate,
        maxPhaseErrorSamples: maxPhaseError,
        maxPhaseErrorAtSeconds: (maxPhaseErrorAt - first) / rate,
      };
    },
    [silence, frequency] as const,
  );
}

/** One command of the contract over the host's socket, as the renderer would send it. */
export async function callApi<T>(base: string, token: string, name: string, input: unknown): Promise<T> {
  const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/api?token=${token}`, { headers: { Origin: base } });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  try {
    return await new Promise<T>((resolve, reject) => {
      socket.on('message', (data) => {
        const reply = JSON.parse(data.toString()) as { id?: number; ok?: boolean; value?: T; error?: unknown };
        if (reply.id !== 1) return;
        if (reply.ok) resolve(reply.value as T);
        else reject(new Error(JSON.stringify(reply.error)));
      });
      socket.send(JSON.stringify({ id: 1, name, input }));
    });
  } finally {
    socket.close();
  }
}
