// A share the tests can slow down and unplug: the cache's ShareIo over local files, in
// process, with a delay per call and an offline switch that makes calls hang and then fail
// with EIO, as an sshfs mount does when its NAS drops off the network.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { ShareIo, ShareStat } from '../../src/main/core/cache/share-io.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class FlakyShare implements ShareIo {
  offline = false;
  delayMs: number;
  /** How long a call on the offline share hangs before it fails. */
  hangMs: number;
  reads: { position: number; length: number }[] = [];

  constructor(delayMs = 2, hangMs = 300) {
    this.delayMs = delayMs;
    this.hangMs = hangMs;
  }

  private async gate(): Promise<void> {
    await sleep(this.delayMs);
    if (this.offline) {
      await sleep(this.hangMs);
      throw Object.assign(new Error('Input/output error'), { code: 'EIO' });
    }
  }

  async stat(path: string): Promise<ShareStat> {
    await this.gate();
    const s = statSync(path, { bigint: true });
    return { size: Number(s.size), mtimeNs: s.mtimeNs };
  }

  async open(path: string): Promise<number> {
    await this.gate();
    return openSync(path, 'r');
  }

  async read(fd: number, position: number, length: number): Promise<Uint8Array> {
    await this.gate();
    this.reads.push({ position, length });
    const bytes = new Uint8Array(length);
    const n = readSync(fd, bytes, 0, length, position);
    return bytes.subarray(0, n);
  }

  close(fd: number): void {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }

  async dispose(): Promise<void> {}
}
