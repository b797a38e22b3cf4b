// `node bench/views/search-relay.ts --db FILE [--rounds 3]`: a search keystroke as the host
// answers it, without a page: `tonearm serve` on FILE (a copy of the scanned catalog: the host
// writes to the catalog it serves, so the bench's shared one is never the default), a WebSocket client sending every keystroke of the user bench's phrases
// one after another, each timed from the send to its reply. Against search-steps.ts's
// in-process figures, the difference is the relay: the socket, the main thread, the thread hop.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { serveTonearm } from '../../test/support/cli.ts';
import { loadAverages, machineLine } from '../support/machine.ts';
import { median, percentile, roundMs } from '../support/stats.ts';
import { defaultBenchDir } from './catalog.ts';
import { TYPED } from './main-figures.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    settle: { type: 'string', default: '8000' },
  },
});
if (!values.db) {
  console.error(
    `usage: node bench/views/search-relay.ts --db FILE (a copy of ${join(defaultBenchDir(), 'scanned-250000-v1', 'catalog.sqlite')})`,
  );
  process.exit(2);
}
const dbPath = values.db;
const keystrokes: string[] = [];
for (const phrase of TYPED)
  for (let n = 1; n <= phrase.length; n++) if (phrase[n - 1] !== ' ') keystrokes.push(phrase.slice(0, n));

console.log(`### ${machineLine()}\n`);
console.log(`Catalog: ${dbPath}. Load before: ${loadAverages()}.\n`);
const served = await serveTonearm(['--db', dbPath]);
try {
  const socket = new WebSocket(`${served.base.replace('http', 'ws')}/api?token=${served.token}`, {
    headers: { origin: served.base },
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const waiting = new Map<number, (bytes: number) => void>();
  socket.on('message', (data: Buffer) => {
    const { id } = JSON.parse(String(data)) as { id?: number };
    if (id !== undefined) waiting.get(id)?.(data.length);
  });
  let lastId = 0;
  const search = (text: string) =>
    new Promise<number>((resolve) => {
      const id = ++lastId;
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, name: 'views.search', input: { text, sort, limit: 100 } }));
    });
  const sort = { field: 'albumArtist', desc: false };
  // As the page does: the Songs view first, and an empty search as the box takes the focus.
  await new Promise((resolve) => setTimeout(resolve, Number(values.settle)));
  await search('');
  const ms: number[] = [];
  const bytes: number[] = [];
  for (let round = 0; round < Number(values.rounds); round++)
    for (const text of keystrokes) {
      const started = performance.now();
      bytes.push(await search(text));
      ms.push(performance.now() - started);
    }
  socket.close();
  console.log('| measure | n | median | p95 | max |\n| --- | --: | --: | --: | --: |');
  console.log(
    `| send → reply, ms | ${ms.length} | ${roundMs(median(ms))} | ${roundMs(percentile(ms, 95))} | ${roundMs(Math.max(...ms))} |`,
  );
  console.log(
    `| reply, KB | ${bytes.length} | ${roundMs(median(bytes) / 1024)} | ${roundMs(percentile(bytes, 95) / 1024)} | ${roundMs(Math.max(...bytes) / 1024)} |`,
  );
} finally {
  await served.stop();
}
console.log(`\nLoad after: ${loadAverages()}.`);
