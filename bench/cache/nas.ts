// The shared `nas` tool (../shared/nas) driven from the benchmark: a real sshfs share on
// loopback behind a relay that shapes the link and can drop off the network.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const NAS_TOOL = fileURLToPath(new URL('../../../shared/nas/nas', import.meta.url));
export const hasNas = existsSync(NAS_TOOL);

export class Nas {
  readonly state: string;

  constructor(state: string) {
    this.state = state;
  }

  private run(args: string[]): string {
    return execFileSync(NAS_TOOL, args, {
      env: { ...process.env, NAS_STATE: this.state },
      encoding: 'utf8',
    });
  }

  up(exportDir: string, mount: string, rttMs: number, mbit: number): void {
    this.down();
    this.run(['up', '--export', exportDir, '--mount', mount, '--rtt-ms', String(rttMs), '--mbit', String(mbit)]);
  }

  shape(rttMs: number, mbit: number): void {
    this.run(['shape', '--rtt-ms', String(rttMs), '--mbit', String(mbit)]);
  }

  offline(): void {
    this.run(['offline']);
  }

  online(): void {
    this.run(['online']);
  }

  down(): void {
    this.run(['down']);
  }
}

/** Empties the kernel's page cache, so that a read through the mount really crosses the link. */
export function dropPageCache(): void {
  execFileSync('sh', ['-c', 'sync; echo 3 > /proc/sys/vm/drop_caches']);
}
