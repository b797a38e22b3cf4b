// Where the end-to-end tests leave their screenshots. The ones in docs/ are only rewritten
// when asked (`npm run screenshots`): a test run that changed tracked files would leave every
// checkout dirty, and some pictures hold live figures that differ run to run.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(
  new URL(
    process.env.TONEARM_UPDATE_SCREENSHOTS ? '../../../docs/screenshots/' : '../../../test-results/screenshots/',
    import.meta.url,
  ),
);

export function screenshotPath(name: string): string {
  mkdirSync(folder, { recursive: true });
  return join(folder, name);
}
