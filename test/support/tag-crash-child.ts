// Run by the tag crash test as its own process, then killed with SIGKILL at a random moment:
// it rewrites one file's tags over and over, so that a write is always under way.
import { tagOperations } from '../../src/main/core/tags/tag-thread.ts';

const [file, coversDir] = process.argv.slice(2) as [string, string];
const ops = tagOperations(coversDir);
for (let round = 0; ; round++) {
  await ops.rewrite(file, { album: `Round ${round}`, comment: 'x'.repeat(round % 500) }, undefined);
  process.stdout.write(`wrote ${round}\n`);
}
