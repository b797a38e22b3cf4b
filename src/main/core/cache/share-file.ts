// An open file on the share, shared by the reads of one entry. It is closed only once no read
// holds it: a number closed under a read still queued could be reused by the next open, and
// that read would then return another file's bytes.
import type { ShareIo } from './share-io.ts';

export class ShareFile {
  readonly fd: Promise<number>;
  private users = 0;
  private closing = false;
  private readonly share: ShareIo;

  constructor(share: ShareIo, fd: Promise<number>) {
    this.share = share;
    this.fd = fd;
    fd.catch(() => {});
  }

  /** Runs `use` with the open file held. */
  async with<T>(use: (fd: number) => Promise<T>): Promise<T> {
    this.users++;
    try {
      return await use(await this.fd);
    } finally {
      this.users--;
      if (this.closing && this.users === 0) this.finish();
    }
  }

  close(): void {
    if (this.closing) return;
    this.closing = true;
    if (this.users === 0) this.finish();
  }

  private finish(): void {
    this.fd.then((fd) => this.share.close(fd)).catch(() => {});
  }
}
