// Run by the resume test as its own process and killed with SIGKILL while it analyses: a Core
// on the catalog it is given, with the stand-in analyser, doing nothing but the analysis.
import { fileURLToPath } from 'node:url';
import { testCore } from '../core.ts';

const [dbPath] = process.argv.slice(2) as [string];
const analyser = fileURLToPath(new URL('./tone-analyser.ts', import.meta.url));
const core = testCore(dbPath, { analyser });
core.similarity.start();
process.stdout.write('started\n');
// Kept alive until killed: the job's threads do not hold the process open on their own.
setInterval(() => {}, 1000);
