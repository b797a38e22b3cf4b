// Run by bench:similar in a process of its own, so the figure is the vectors' alone: the RSS,
// heap and external memory that loading every vector into the similarity engine adds, with
// the thread's connection as the similarity thread opens it. Prints one JSON object.
import { openReadOnly } from '../../src/main/core/catalog/open.ts';
import { Neighbours } from '../../src/main/core/similarity/neighbours.ts';

const [dbPath, version] = process.argv.slice(2) as [string, string];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
gc();
const before = process.memoryUsage();
const neighbours = new Neighbours(openReadOnly(dbPath, 2000));
const started = performance.now();
neighbours.tracks([1], 1, { featureVersion: Number(version), weights: null });
const loadMs = Math.round(performance.now() - started);
gc();
const after = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({
    held: mb(neighbours.held().bytes),
    rss: mb(after.rss - before.rss),
    added: mb(after.heapUsed + after.external - before.heapUsed - before.external),
    loadMs,
  })}\n`,
);
