// A share that goes away is noticed within seconds, on the real sshfs share of ../shared/nas:
// the scan ends with the root offline and nothing of the library removed.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/core.ts';
import { hasFfmpeg } from '../../support/audio.ts';
import { testCore } from '../../support/core.ts';
import { smallLibrary } from '../../support/library.ts';
import { Nas, noNasReason } from '../../support/nas.ts';
import { tempDir } from '../../support/temp.ts';

const TRACKS = 400;

describe.skipIf(noNasReason !== null || !hasFfmpeg)('a network share going offline', () => {
  const dir = tempDir('tonearm-nas-');
  const nas = new Nas(join(dir.path, 'nas-state'));
  const exported = join(dir.path, 'export');
  const mount = join(dir.path, 'mnt');
  let core: Core;

  const tracks = () => core.catalog.db.prepare('SELECT count(*) FROM tracks').pluck().get() as number;
  const missing = () =>
    core.catalog.db.prepare('SELECT count(*) FROM tracks WHERE missing_since IS NOT NULL').pluck().get() as number;
  const scanErrors = () => core.catalog.db.prepare('SELECT count(*) FROM scan_errors').pluck().get() as number;

  beforeAll(async () => {
    await smallLibrary(exported, TRACKS, 5);
    nas.up(exported, mount, 20, 50);
    core = testCore(join(dir.path, 'catalog.sqlite'));
    await core.addRoot(mount);
  });
  afterAll(async () => {
    await core?.close();
    nas.down();
    dir.cleanup();
  });

  it('is noticed mid-import: the scan ends soon after, with the root offline and nothing removed', async () => {
    expect(core.catalog.roots.list()[0]!.kind).toBe('network');
    const scan = core.scanner.start();
    let offlineAt = 0;
    const unsubscribe = core.bus.on('library.changed', (change) => {
      if (offlineAt === 0 && change.added.length > 0 && tracks() >= 50) {
        offlineAt = Date.now();
        nas.offline();
      }
    });
    const summary = await scan.done;
    unsubscribe();
    expect(offlineAt).toBeGreaterThan(0);
    const noticedAfterMs = Date.now() - offlineAt;
    expect(noticedAfterMs).toBeLessThan(12_000);
    expect(summary.offlineRoots).toEqual([mount]);
    expect(summary.added).toBe(tracks());
    expect(tracks()).toBeLessThan(TRACKS);
    expect(missing()).toBe(0);
    expect(scanErrors()).toBe(0);
    expect(core.catalog.roots.list()[0]).toMatchObject({ online: false });
  });

  it('is noticed on a rescan while offline, within seconds, with nothing marked missing', async () => {
    const before = tracks();
    const started = Date.now();
    const summary = await core.scanner.start().done;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(summary.offlineRoots).toEqual([mount]);
    expect(tracks()).toBe(before);
    expect(missing()).toBe(0);
  });

  it('finishes the import once the share is back', async () => {
    nas.online();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const summary = await core.scanner.start().done;
    expect(summary.offlineRoots).toEqual([]);
    expect(tracks()).toBe(TRACKS);
    expect(missing()).toBe(0);
    expect(core.catalog.roots.list()[0]).toMatchObject({ online: true });
  });
});
