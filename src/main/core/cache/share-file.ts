// Files on the share: how they are opened, and an open one shared by the reads of one entry.
// It is closed only once no read holds it: a number closed under a read still queued could be
// reused by the next open, and that read would then return another file's bytes.
import type { CacheEntry } from './cache-entry.ts';
import { mountOf, readMountTable, type Mount } from '../roots/mount-table.ts';
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

/**
 * Opens files on the share: direct reads (O_DIRECT) on FUSE and NFS mounts, which take them at
 * any offset, so that no kernel readahead puts more on the link than was asked. Local disks
 * want aligned direct reads, so a folder that is "network" only by the user's say-so is read
 * normally, as is a root whose file system refused a direct read.
 */
export class ShareOpener {
  private readonly share: ShareIo;
  private readonly timeoutMs: number;
  private mounts: Mount[] = [];
  private readonly noDirect = new Set<number>();

  constructor(share: ShareIo, timeoutMs: number) {
    this.share = share;
    this.timeoutMs = timeoutMs;
    void readMountTable().then((mounts) => (this.mounts = mounts));
  }

  open(path: string, rootId: number): ShareFile {
    const fsType = mountOf(path, this.mounts)?.fsType ?? '';
    const direct = !this.noDirect.has(rootId) && (fsType.startsWith('fuse.') || fsType.startsWith('nfs'));
    return new ShareFile(this.share, this.share.open(path, this.timeoutMs, direct));
  }

  /** The entry's open file, opened if it has none; a failed open is forgotten so that it is tried again. */
  fileOf(entry: CacheEntry): ShareFile {
    if (!entry.file) {
      const file = this.open(entry.path, entry.rootId);
      entry.file = file;
      file.fd.catch(() => {
        if (entry.file === file) entry.file = null;
      });
    }
    return entry.file;
  }

  /** The root's file system refused an unaligned direct read: false if it had already. */
  refuseDirect(rootId: number): boolean {
    if (this.noDirect.has(rootId)) return false;
    this.noDirect.add(rootId);
    return true;
  }
}
