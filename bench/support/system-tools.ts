import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Installs the Debian packages a benchmark needs when they are missing (as .ci/run does for tests). */
export function ensurePackages(...packages: string[]): void {
  const script = fileURLToPath(new URL('../../scripts/ensure-system-tools.js', import.meta.url));
  execFileSync(process.execPath, [script, ...packages], { stdio: 'inherit' });
}
