// Reads every file under a folder once, untimed, so that an import that follows reads from
// the page cache. These machines' page cache does not survive long (it was seen to shrink
// from 2.9 GB to under 1 GB between runs), and whoever ran first after a pause would else
// pay for the disk: every timed import here, ours and the peer's, starts warm.
import { openSync, readdirSync, readSync, closeSync } from 'node:fs';
import { join } from 'node:path';

const buffer = Buffer.allocUnsafe(1024 * 1024);

export function warmPageCache(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) warmPageCache(path);
    else if (entry.isFile()) {
      const fd = openSync(path, 'r');
      try {
        while (readSync(fd, buffer, 0, buffer.length, null) > 0);
      } finally {
        closeSync(fd);
      }
    }
  }
}
