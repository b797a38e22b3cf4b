// Whether a library folder is online has one owner. The scanner finds a share gone when it
// walks it, the chunk cache when a read stops answering, each comes back in its own way; both
// report here, and only a change of state is written (and so announced to the views).
import type { RootsRepo } from '../catalog/roots.ts';
import type { CatalogWrites } from '../catalog/writer-thread.ts';
import { log } from '../log.ts';

interface Known {
  online: boolean;
  reason: string | null;
}

export class RootStatus {
  private readonly reads: RootsRepo;
  private readonly writes: Pick<CatalogWrites, 'setRootOnline'>;
  private readonly known = new Map<number, Known>();

  constructor(reads: RootsRepo, writes: Pick<CatalogWrites, 'setRootOnline'>) {
    this.reads = reads;
    this.writes = writes;
  }

  isOnline(rootId: number): boolean {
    return this.current(rootId)?.online ?? false;
  }

  /** Resolves once recorded; a failure to record is reported, never thrown at the reporter. */
  async report(rootId: number, online: boolean, reason: string | null): Promise<void> {
    const was = this.current(rootId);
    if (!was || (was.online === online && (online || was.reason === reason))) return;
    this.known.set(rootId, { online, reason });
    try {
      await this.writes.setRootOnline(rootId, online, reason);
    } catch (err) {
      this.known.delete(rootId);
      log.error(`tonearm: could not record library folder ${rootId} going ${online ? 'online' : 'offline'}:`, err);
    }
  }

  private current(rootId: number): Known | null {
    const known = this.known.get(rootId);
    if (known) return known;
    const root = this.reads.get(rootId);
    return root ? { online: root.online, reason: root.offlineReason } : null;
  }
}
