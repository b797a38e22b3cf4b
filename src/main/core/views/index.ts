// The views room as the core holds it: the views thread and the in-memory change feed.
import type { Catalog } from '../catalog/index.ts';
import type { EventBus } from '../events/bus.ts';
import { ChangeFeed } from './change-feed.ts';
import { ViewsThread } from './worker.ts';

export class Views {
  readonly feed: ChangeFeed;
  readonly thread: ViewsThread;

  constructor(catalog: Catalog, bus: EventBus, threadEntry: string) {
    this.feed = new ChangeFeed(catalog.changes, bus);
    this.thread = new ViewsThread(threadEntry, catalog.path);
  }

  /** Starts the views thread ahead of the first view, so that its start-up is not on the first paint. */
  start(): void {
    this.thread.start();
  }

  async close(): Promise<void> {
    this.feed.dispose();
    await this.thread.close();
  }
}
