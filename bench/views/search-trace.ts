// `node bench/views/search-trace.ts --db FILE [--phrases 9] [--every 250] [--profile] [--more]
// [--css RULE] [--save TRACE.json]`: the page's main-thread work per search keystroke, broken down. The first
// phrases of the user bench are typed into the built page against `tonearm serve` on FILE (a copy of the scanned catalog: the host writes
// to it), one key every 250 ms (--every), inside a Chromium performance trace; the renderer main
// thread's CPU time is summed by kind of work (each trace event's self time), per keystroke, and
// set beside the same span of the page idle. CPU time, not wall time: the machine is shared.
// --profile adds a sampled JavaScript profile, its heaviest functions by self time (minified
// names: the bundle's line and column say where).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../test/support/browser.ts';
import { serveTonearm } from '../../test/support/cli.ts';
import { loadAverages, machineLine } from '../support/machine.ts';
import { TYPED } from './main-figures.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    phrases: { type: 'string', default: '9' },
    profile: { type: 'boolean' },
    more: { type: 'boolean' },
    css: { type: 'string' },
    every: { type: 'string', default: '250' },
    save: { type: 'string' },
  },
});
if (!values.db) {
  console.error('usage: node bench/views/search-trace.ts --db FILE (a copy of the scanned catalog)');
  process.exit(2);
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: what the work costs, less what waiting for a shared core adds. */
  tdur?: number;
  args?: { name?: string };
}

/** Each event's self CPU time (its own less its children's), summed by name, on one thread. */
function selfTimes(events: TraceEvent[]): { total: number; byName: Map<string, number>; count: Map<string, number> } {
  const spans = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const cpu = (span: TraceEvent) => span.tdur ?? span.dur!;
  const byName = new Map<string, number>();
  const count = new Map<string, number>();
  const stack: { end: number; name: string; self: number }[] = [];
  let total = 0;
  const close = (until: number) => {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= until) {
      const done = stack.pop()!;
      byName.set(done.name, (byName.get(done.name) ?? 0) + done.self);
    }
  };
  for (const span of spans) {
    close(span.ts);
    count.set(span.name, (count.get(span.name) ?? 0) + 1);
    const parent = stack[stack.length - 1];
    if (parent) parent.self -= cpu(span);
    else total += cpu(span);
    stack.push({ end: span.ts + span.dur!, name: span.name, self: cpu(span) });
  }
  close(Infinity);
  return { total, byName, count };
}

console.log(`### ${machineLine()}\n\nCatalog: ${values.db}. Load before: ${loadAverages()}.\n`);
const served = await serveTonearm(['--db', values.db]);
const browser = await launchChromium();
let keystrokes = 0;
try {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await page.goto(served.url);
  await page.locator('.view .track-row:not(.placeholder)').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(6000);
  // --css: a rule added to the page, to weigh a part of it (`.album-strip { display: none }`).
  if (values.css) await page.addStyleTag({ content: values.css });
  const box = page.getByRole('searchbox', { name: 'Search the library' });
  await box.click();
  const cdp = values.profile ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await browser.startTracing(page, {
    categories: [
      ...['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'],
      // --more: what else a task does (finer, and heavier to record).
      ...(values.more ? ['blink', 'v8', 'toplevel', 'cc', 'mojom', 'loading'] : []),
    ],
  });
  // The page idle first, as long as the typing will last: its own steady work (frames, timers)
  // is not a keystroke's.
  const every = Number(values.every);
  const typingMs = TYPED.slice(0, Number(values.phrases)).reduce((ms, phrase) => ms + (phrase.length + 1) * every, 0);
  await page.waitForTimeout(typingMs);
  await page.evaluate(() => performance.mark('typing'));
  for (const phrase of TYPED.slice(0, Number(values.phrases))) {
    for (const key of phrase) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      if (key !== ' ') keystrokes++;
      await page.waitForTimeout(every);
    }
    await page.keyboard.press('Escape');
    await page.waitForTimeout(250);
    await box.click();
  }
  const recorded = await browser.stopTracing();
  // --save FILE: the trace itself, for Chromium's DevTools (Performance → Load profile).
  if (values.save) writeFileSync(values.save, recorded);
  const trace = JSON.parse(recorded.toString('utf8')) as { traceEvents: TraceEvent[] };
  const mains = trace.traceEvents.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const perThread = mains.map((m) => trace.traceEvents.filter((e) => e.pid === m.pid && e.tid === m.tid));
  const main = perThread.sort((a, b) => b.length - a.length)[0] ?? [];
  const typingAt = main.find((e) => e.name === 'typing')?.ts ?? 0;
  const idle = selfTimes(main.filter((e) => e.ts < typingAt));
  const typing = selfTimes(main.filter((e) => e.ts >= typingAt));
  const perKey = (us: number) => (us / 1000 / keystrokes).toFixed(2);
  console.log(
    `${keystrokes} keystrokes; the page's main thread's CPU time ${perKey(typing.total)} ms per keystroke, ` +
      `${perKey(idle.total)} ms in as long idle before.\n`,
  );
  console.log('| work (self CPU time) | ms per keystroke | times per keystroke | idle, as long |');
  console.log('| --- | --: | --: | --: |');
  for (const [name, us] of [...typing.byName].sort((a, b) => b[1] - a[1]).slice(0, 22)) {
    const times = ((typing.count.get(name) ?? 0) / keystrokes).toFixed(1);
    console.log(`| ${name} | ${perKey(us)} | ${times} | ${perKey(idle.byName.get(name) ?? 0)} |`);
  }
  if (cdp) {
    const { profile } = (await cdp.send('Profiler.stop')) as {
      profile: {
        nodes: {
          id: number;
          callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
        }[];
        samples: number[];
        timeDeltas: number[];
      };
    };
    const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
    const self = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const frame = nodeById.get(id)!.callFrame;
      const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
    });
    console.log('\n| function (self, sampled) | ms per keystroke |\n| --- | --: |');
    for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
      console.log(`| ${key} | ${perKey(us)} |`);
  }
} finally {
  await browser.close();
  await served.stop();
}
console.log(`\nLoad after: ${loadAverages()}.`);
