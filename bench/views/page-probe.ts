// What runs inside the page to time views the way a user sees them: the timestamp of the real
// input event (a capturing listener sees it before the app does), and the first frame that
// shows the expected rows — checked in a requestAnimationFrame callback, timed by a message
// posted from there, which runs once that frame's style, layout and paint are done. Every
// frame also notes whether a row on screen is a placeholder, for counting blank frames.
// Installed with page.addInitScript, so it is there before the app's first frame.

/** What a wait looks for on screen. */
export type Expect =
  | { kind: 'firstRow'; scope: string; id: number }
  | { kind: 'search'; title: string; id: number | null }
  | { kind: 'cover' };

export interface Painted {
  /** performance.now() when the frame showing it was painted (0 is the navigation's start). */
  paintedAt: number;
  /** The timeStamp of the last input event before it. */
  inputAt: number;
  /** When the last message from the host before that frame arrived: the rest is the page's. */
  replyAt: number;
}

export interface FrameCounts {
  frames: number;
  blank: number;
  /** Of the blank frames, those with a row not drawn at all (the list had not rendered it yet). */
  undrawn: number;
}

// The page's globals for the functions below (bench/ is compiled without the DOM library).
interface ProbeElement {
  textContent: string | null;
  scrollTop: number;
  clientHeight: number;
  classList: { contains(name: string): boolean };
  getAttribute(name: string): string | null;
  dataset: Record<string, string | undefined>;
  complete?: boolean;
  naturalWidth?: number;
  getBoundingClientRect(): { top: number; bottom: number };
  querySelector(selector: string): ProbeElement | null;
  querySelectorAll(selector: string): Iterable<ProbeElement>;
}
declare const document: {
  querySelector(selector: string): ProbeElement | null;
  querySelectorAll(selector: string): Iterable<ProbeElement>;
};
declare const window: Record<string, unknown> & {
  addEventListener(type: string, listener: (event: { timeStamp: number }) => void, capture: boolean): void;
};
declare function requestAnimationFrame(callback: (time: number) => void): number;
declare class WebSocket {
  send(data: unknown): void;
  addEventListener(type: string, listener: () => void): void;
}
declare class MessageChannel {
  port1: { onmessage: (() => void) | null };
  port2: { postMessage(message: unknown): void };
}

export interface Probe {
  inputAt: number;
  replyAt: number;
  counting: boolean;
  counts: FrameCounts;
  titles: string[];
  cold: Painted | null;
  wait(expect: Expect): Promise<Painted>;
}

/** Runs in the page (page.addInitScript): `coldId` is the first Songs row a start should show. */
export function installProbe(coldId: number): void {
  const waiters: { expect: Expect; resolve: (painted: Painted) => void }[] = [];
  const probe: Probe = {
    inputAt: 0,
    replyAt: 0,
    counting: false,
    counts: { frames: 0, blank: 0, undrawn: 0 },
    titles: [],
    cold: null,
    wait: (expect) => new Promise((resolve) => waiters.push({ expect, resolve })),
  };
  window.__probe = probe;
  for (const type of ['keydown', 'pointerdown', 'wheel'])
    window.addEventListener(type, (event) => (probe.inputAt = event.timeStamp), true);
  // The app's socket to the host: when its replies arrive (listened to from its first send).
  const heard = new WeakSet<WebSocket>();
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, data: unknown) {
    if (!heard.has(this)) {
      heard.add(this);
      this.addEventListener('message', () => (probe.replyAt = performance.now()));
    }
    send.call(this, data);
  };

  const firstId = (scope: string) =>
    document.querySelector(`${scope} .track-row[aria-rowindex="2"]`)?.dataset.trackId ?? null;
  const met = (expect: Expect): boolean => {
    if (expect.kind === 'firstRow') return firstId(expect.scope) === String(expect.id);
    if (expect.kind === 'cover') {
      const img = document.querySelector('.album-grid img, .album-card img');
      return !!img?.complete && (img.naturalWidth ?? 0) > 0;
    }
    const title = document.querySelector('.search-view .view-title')?.textContent;
    if (title !== `“${expect.title}”`) return false;
    return expect.id === null
      ? !!document.querySelector('.search-view .empty-state')
      : firstId('.search-view') === String(expect.id);
  };
  // Blank: a row index on screen without a filled row drawn for it (a placeholder, or no row
  // element at all yet). Rows are 30 px; aria-rowindex is the index + 2 (the header is 1).
  const blankOnScreen = (): 'filled' | 'placeholder' | 'undrawn' => {
    const list = document.querySelector('.view .track-list');
    const body = document.querySelector('.view .track-body');
    if (!list || !body) return 'filled';
    const total = Number(body.getAttribute('aria-rowcount') ?? 1) - 1;
    const first = Math.floor(list.scrollTop / 30);
    const last = Math.min(total - 1, Math.floor((list.scrollTop + list.clientHeight - 1) / 30));
    const drawn = new Set<number>();
    let placeholders = 0;
    for (const row of list.querySelectorAll('.track-row')) {
      const index = Number(row.getAttribute('aria-rowindex')) - 2;
      if (index < first || index > last) continue;
      drawn.add(index);
      if (row.classList.contains('placeholder')) placeholders++;
    }
    if (drawn.size < last - first + 1) return 'undrawn';
    return placeholders > 0 ? 'placeholder' : 'filled';
  };
  const afterPaint = (then: (at: number) => void) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then(performance.now());
    channel.port2.postMessage(null);
  };

  const tick = () => {
    if (probe.counting) {
      probe.counts.frames++;
      const screen = blankOnScreen();
      if (screen !== 'filled') probe.counts.blank++;
      if (screen === 'undrawn') probe.counts.undrawn++;
    }
    const title = document.querySelector('.search-view .view-title')?.textContent ?? '';
    if (title && probe.titles[probe.titles.length - 1] !== title) probe.titles.push(title);
    if (!probe.cold && firstId('.view') === String(coldId)) {
      const { inputAt, replyAt } = probe;
      afterPaint((paintedAt) => (probe.cold ??= { paintedAt, inputAt, replyAt }));
    }
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i]!;
      if (!met(waiter.expect)) continue;
      waiters.splice(i, 1);
      const { inputAt, replyAt } = probe;
      afterPaint((paintedAt) => waiter.resolve({ paintedAt, inputAt, replyAt }));
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
