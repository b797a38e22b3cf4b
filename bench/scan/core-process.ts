// A core in a process of its own, as the app's main process would hold it, driven over
// stdin/stdout by bench/scan/run.ts: one JSON command per line in, one JSON reply per line out.
// Its peak memory is then the core's, not the benchmark's.
import { createInterface } from 'node:readline';
import { testCore } from '../../test/support/core.ts';
import { measureScan, peakRssMB } from './measure.ts';

const [dbPath, root] = process.argv.slice(2);
const core = testCore(dbPath!, { workers: undefined });
await core.parser.start();
await core.addRoot(root!);

for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line) as { op: 'scan' } | { op: 'exit' };
  if (command.op === 'exit') break;
  const measured = await measureScan(core);
  const reply = { ...measured, mainRssMB: peakRssMB(), parserRssMB: peakRssMB(core.parser.pid) };
  process.stdout.write(`${JSON.stringify(reply)}\n`);
}
await core.close();
