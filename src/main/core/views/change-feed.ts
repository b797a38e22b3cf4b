// The recent library changes, in memory: a renderer that missed some (a dropped socket, a
// window asleep) catches up with the changes themselves, and only one that fell further
// behind than this log reaches has to reload its views.
import type { LibraryChange } from '../../../shared/domain.ts';
import type { ChangesSince } from '../../../shared/views.ts';
import type { ChangeLog } from '../catalog/changes.ts';
import type { EventBus } from '../events/bus.ts';

export const FEED_CAPACITY = 1000;

export class ChangeFeed {
  private readonly recent: LibraryChange[];
  private readonly capacity: number;
  private version: number;
  private readonly unsubscribe: () => void;

  constructor(log: ChangeLog, bus: EventBus, capacity = FEED_CAPACITY) {
    this.capacity = capacity;
    this.version = log.version();
    this.recent = log.since(Math.max(0, this.version - capacity), capacity);
    this.unsubscribe = bus.on('library.changed', (change) => this.add(change));
  }

  /** The changes after `version`; `changes: null` when some of them are no longer held. */
  since(version: number): ChangesSince {
    if (version >= this.version) return { version: this.version, changes: [] };
    const oldest = this.recent[0]?.version ?? this.version + 1;
    if (version < oldest - 1) return { version: this.version, changes: null };
    return { version: this.version, changes: this.recent.filter((change) => change.version > version) };
  }

  dispose(): void {
    this.unsubscribe();
  }

  private add(change: LibraryChange): void {
    if (change.version <= this.version) return;
    // A version skipped (a change written but never announced) would make a delta lie: start over from here.
    if (change.version !== this.version + 1) this.recent.length = 0;
    this.recent.push(change);
    this.version = change.version;
    if (this.recent.length > this.capacity) this.recent.splice(0, this.recent.length - this.capacity);
  }
}
