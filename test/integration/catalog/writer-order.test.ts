// The catalog has one writer: changes made at once by a scan, by plays being recorded and by
// the chunk cache's share going away and back are announced in the order they committed, one
// version after another, none skipped.
import { readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LibraryChange } from '../../../src/shared/domain.ts';
import type { Core } from '../../../src/main/core/core.ts';
import { hasFfmpeg } from '../../support/audio.ts';
import { testCore } from '../../support/core.ts';
import { smallLibrary } from '../../support/library.ts';
import { tempDir } from '../../support/temp.ts';

const TRACKS = 1500;

describe.skipIf(!hasFfmpeg)('the catalog writer', () => {
  const dir = tempDir();
  let core: Core | undefined;
  afterAll(async () => {
    await core?.close();
    dir.cleanup();
  });

  it('announces concurrent writes from the scanner, play stats and the cache in commit order', async () => {
    const music = join(dir.path, 'music');
    // More files than one commit holds (1,000 rows), so the rescan commits at least twice
    // whatever the machine's speed, and plays can land between its commits.
    await smallLibrary(music, TRACKS);
    core = testCore(join(dir.path, 'catalog.sqlite'));
    const c = core;
    const root = await c.addRoot(music);
    // A first scan, so there are tracks to play while the second one rewrites them all.
    await c.scanner.start().done;
    const ids = c.catalog.tracks.page(0, 10).map((row) => row.id);
    expect(ids.length).toBe(10);

    const from = c.catalog.changes.version();
    const seen: LibraryChange[] = [];
    const unsubscribe = c.bus.on('library.changed', (change) => seen.push(change));
    // Every file changed on disk: the rescan writes each track again, batch after batch.
    const later = new Date(Date.now() + 60_000);
    for (const name of readdirSync(music, { recursive: true, encoding: 'utf8' })) {
      if (/\.(mp3|flac|m4a|ogg|opus|wav)$/.test(name)) utimesSync(join(music, name), later, later);
    }
    const scan = c.scanner.start().done;
    let scanning = true;
    void scan.finally(() => (scanning = false));
    const writes: Promise<unknown>[] = [];
    let plays = 0;
    let online = true;
    for (let round = 0; scanning || round < 5; round++) {
      writes.push(c.writer.write.recordPlay(ids[round % ids.length]!, Date.now()).then(() => plays++));
      // What the chunk cache reports when a read on the share stops answering, and when it answers again.
      online = !online;
      writes.push(c.roots.report(root.id, online, online ? null : 'the share stopped answering'));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const summary = await scan;
    await Promise.all(writes);
    await c.roots.report(root.id, true, null);
    unsubscribe();

    expect(summary.updated).toBe(TRACKS);
    const versions = seen.map((change) => change.version);
    const to = c.catalog.changes.version();
    expect(versions).toEqual(Array.from({ length: to - from }, (_, i) => from + 1 + i));
    // The writes really were interleaved: a play recorded between two of the scan's batches.
    const isPlay = (change: LibraryChange) => !change.structural && change.updated.length === 1;
    const isBatch = (change: LibraryChange) => change.structural && change.updated.length > 0;
    const firstBatch = seen.findIndex(isBatch);
    const lastBatch = seen.findLastIndex(isBatch);
    expect(seen.slice(firstBatch, lastBatch).some(isPlay)).toBe(true);
    expect(seen.filter(isPlay).length).toBeGreaterThanOrEqual(plays);
    // The in-memory feed holds every one of them: a renderer catching up gets the changes, not a reload.
    expect(c.views.feed.since(from).changes?.length).toBe(to - from);
  }, 60_000);
});
