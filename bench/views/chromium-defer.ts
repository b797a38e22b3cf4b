// `node bench/views/chromium-defer.ts [--keys 80] [--delay 1,5]`: what Chromium itself adds
// between a keystroke and the page hearing a reply, with no Tonearm in the way. A bare page
// with one text box sends a message on each `input` event to a WebSocket server that answers
// after --delay ms (a host's work) with 42 KB (a search's reply); the page notes when the
// answer's message event runs, counted from the key's own timestamp. The same is done with
// the text changed by a timer instead of a key, and with Chromium's
// DeferRendererTasksAfterInput turned off: after a discrete input, Chromium holds the page's
// other tasks (network replies among them) until the input's frame is drawn, so a reply to a
// keystroke can never be painted in the keystroke's own frame. Each reply is also shown (a
// counter in the page) and the frame that shows it timed as the user bench times its frames
// (a message posted from requestAnimationFrame): the least a round trip can cost a keystroke.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { WebSocketServer } from 'ws';
import { launchChromium } from '../../test/support/browser.ts';
import { loadAverages, machineLine } from '../support/machine.ts';
import { median, percentile, roundMs } from '../support/stats.ts';

// The page's globals for the function that runs in it (bench/ has no DOM library).
declare const window: Record<string, unknown> & {
  addEventListener(type: string, fn: (e: { timeStamp: number }) => void, capture: boolean): void;
};
declare const document: {
  body: { append(node: unknown): void };
  createElement(tag: string): { textContent: string };
  getElementById(id: string): {
    value: string;
    addEventListener(type: string, fn: () => void): void;
    dispatchEvent(e: unknown): void;
  };
};
declare class WebSocket {
  constructor(url: string);
  send(data: string): void;
  addEventListener(type: string, fn: () => void): void;
}
declare class Event {
  constructor(type: string);
}
declare function requestAnimationFrame(callback: () => void): number;
declare class MessageChannel {
  port1: { onmessage: (() => void) | null };
  port2: { postMessage(message: unknown): void };
}

const { values } = parseArgs({
  options: { keys: { type: 'string', default: '80' }, delay: { type: 'string', default: '1,5' } },
});
const REPLY = 'x'.repeat(42_000);
const OFF = '--disable-features=DeferRendererTasksAfterInput';

const server = createServer((_request, response) => {
  response.setHeader('content-type', 'text/html');
  response.end('<!doctype html><input id="box">');
});
let delay = 0;
new WebSocketServer({ server }).on('connection', (socket) =>
  socket.on('message', () => setTimeout(() => socket.send(REPLY), delay)),
);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;

/** Milliseconds from each change of the box to the reply's message event in the page, and to the frame showing it. */
async function measure(switches: string[], byTimer: boolean): Promise<{ heard: number[]; painted: number[] }> {
  const browser = await launchChromium(switches);
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.evaluate((url) => {
      const heard: number[] = [];
      const painted: number[] = [];
      window.heard = heard;
      window.painted = painted;
      window.changedAt = 0;
      window.addEventListener('keydown', (event) => (window.changedAt = event.timeStamp), true);
      const shown = document.createElement('div');
      document.body.append(shown);
      const socket = new WebSocket(url);
      socket.addEventListener('message', () => {
        const changedAt = window.changedAt as number;
        heard.push(performance.now() - changedAt);
        shown.textContent = String(heard.length);
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => painted.push(performance.now() - changedAt);
          channel.port2.postMessage(null);
        });
      });
      document.getElementById('box').addEventListener('input', () => socket.send('?'));
      return new Promise<void>((resolve) => socket.addEventListener('open', () => resolve()));
    }, `ws://127.0.0.1:${port}/`);
    await page.click('#box');
    const count = Number(values.keys);
    if (byTimer)
      await page.evaluate(
        (count) =>
          new Promise<void>((done) => {
            let n = 0;
            const change = () => {
              window.changedAt = performance.now();
              const box = document.getElementById('box');
              box.value += 'a';
              box.dispatchEvent(new Event('input'));
              if (++n < count) setTimeout(change, 60);
              else setTimeout(done, 200);
            };
            change();
          }),
        count,
      );
    else
      for (let i = 0; i < count; i++) {
        await page.keyboard.press('a');
        await page.waitForTimeout(60);
      }
    return (await page.evaluate(() => ({ heard: window.heard, painted: window.painted }))) as {
      heard: number[];
      painted: number[];
    };
  } finally {
    await browser.close();
  }
}

console.log(`### ${machineLine()}\n\nLoad before: ${loadAverages()}.\n`);
console.log(
  '| reply after | text changed by | Chromium | change → reply heard, p50 / p95 ms | of which Chromium, p50 / p95 ms | change → reply painted, p50 / p95 ms |',
);
console.log('| --: | --- | --- | --: | --: | --: |');
try {
  for (const ms of values.delay.split(',').map(Number)) {
    delay = ms;
    for (const [label, switches, byTimer] of [
      ['a key', [], false],
      ['a key', [OFF], false],
      ['a timer', [], true],
    ] as const) {
      const { heard, painted } = await measure([...switches], byTimer);
      const over = heard.map((t) => t - ms);
      const figure = (values: number[]) => `${roundMs(median(values))} / ${roundMs(percentile(values, 95))}`;
      console.log(
        `| ${ms} ms | ${label} | ${switches.length ? 'DeferRendererTasksAfterInput off' : 'as shipped'} | ${figure(heard)} | ${figure(over)} | ${figure(painted)} |`,
      );
    }
  }
} finally {
  server.close();
}
console.log(`\nLoad after: ${loadAverages()}.`);
