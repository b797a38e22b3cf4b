// The real network share of ../shared/nas (sshfs through a shaping relay, with an offline
// switch), for tests of what users on a NAS live with. Absent pieces make tests skip.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const NAS = fileURLToPath(new URL('../../../shared/nas/nas', import.meta.url));

function whyNoNas(): string | null {
  if (!existsSync(NAS)) return `${NAS} is absent (../shared beside the project)`;
  if (process.getuid?.() !== 0) return 'the nas needs root';
  if (!existsSync('/dev/fuse')) return 'no /dev/fuse';
  for (const tool of ['sshfs', '/usr/sbin/sshd']) {
    if (spawnSync(tool, ['-V'], { stdio: 'ignore' }).error)
      return `${tool} is not installed (apt-get install sshfs openssh-server)`;
  }
  return null;
}

export const noNasReason = whyNoNas();
if (noNasReason) console.warn(`nas tests skipped: ${noNasReason}`);

export class Nas {
  readonly state: string;

  constructor(state: string) {
    this.state = state;
  }

  run(...args: string[]): string {
    return execFileSync(NAS, args, { env: { ...process.env, NAS_STATE: this.state }, encoding: 'utf8' });
  }

  up(exportDir: string, mount: string, rttMs: number, mbit: number): void {
    this.run('down');
    this.run('up', '--export', exportDir, '--mount', mount, '--rtt-ms', String(rttMs), '--mbit', String(mbit));
  }

  offline(): void {
    this.run('offline');
  }

  online(): void {
    this.run('online');
  }

  down(): void {
    this.run('down');
  }
}
