// A scan that cannot go on (the disk fills up, the catalog is read-only, a thread dies) ends
// with a summary of what it saved and a sentence saying why; nothing is left unhandled, and
// the same core scans again afterwards.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateLibrary } from '../../../bench/library/generate.ts';
import type { Core } from '../../../src/main/core/core.ts';
import { hasFfmpeg } from '../../support/audio.ts';
import { setLogSink } from '../../../src/main/core/log.ts';
import { childProcessParser } from '../../../src/main/core/parser-host/transport.ts';
import { PARSER_ENTRY, testCore } from '../../support/core.ts';
import { bindReadOnly, isRoot, mountTmpfs, notRootMessage, resizeTmpfs, unmount } from '../../support/mounts.ts';
import { tempDir } from '../../support/temp.ts';

const TRACKS = 1500;

if (!isRoot) console.warn(`full and read-only disks: skipped, ${notRootMessage}`);

describe.skipIf(!hasFfmpeg)('a scan that cannot go on', () => {
  const dir = tempDir();
  const music = join(dir.path, 'music');
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  const cores: Core[] = [];
  const mounts: string[] = [];
  const open = (dbPath: string) => {
    const core = testCore(dbPath);
    cores.push(core);
    return core;
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    // No covers: the catalog, not the covers folder beside it, is what fills the disk.
    await generateLibrary({ dir: music, tracks: TRACKS, seed: 5, durationS: 1, coverRatio: 0 });
  });
  afterEach(async () => {
    for (const core of cores.splice(0).reverse()) await core.close();
    for (const mount of mounts.splice(0).reverse()) unmount(mount);
    expect(unhandled).toEqual([]);
  });
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
    dir.cleanup();
  });

  it.skipIf(!isRoot)('stops on a full disk, says so, and scans again once there is room', async () => {
    const small = join(dir.path, 'small');
    mountTmpfs(small, '1m');
    mounts.push(small);
    const dbPath = join(small, 'catalog.sqlite');
    const core = open(dbPath);
    await core.addRoot(music);
    const finished: unknown[] = [];
    core.bus.on('scan.finished', (summary) => finished.push(summary));

    const summary = await core.scanner.start().done;
    // Should this ever fail, the summary says where the disk ran out.
    expect(summary.error, JSON.stringify(summary)).toMatchObject({ code: 'DISK_FULL' });
    expect(summary.error!.message).toMatch(
      new RegExp(
        `^Scan stopped: the disk holding ${dbPath} is full \\(\\d+ tracks? (was|were) saved\\)\\. Free some space and scan again\\.$`,
      ),
    );
    expect(summary.tracks).toBeLessThan(TRACKS);
    expect(summary.added).toBe(summary.tracks);
    expect(finished).toEqual([summary]);
    expect(core.scanner.lastSummary).toBe(summary);
    expect(core.scanner.status()).toBeNull();

    resizeTmpfs(small, '64m');
    const again = await core.scanner.start().done;
    expect(again.error, JSON.stringify(again)).toBeNull();
    expect(again.tracks).toBe(TRACKS);
  });

  it.skipIf(!isRoot)('stops on a read-only catalog with a sentence naming it', async () => {
    const made = join(dir.path, 'made');
    const readOnly = join(dir.path, 'read-only');
    const dbPath = join(readOnly, 'catalog.sqlite');
    // The catalog is made writable and kept open (so its WAL files stay), then reached read-only.
    const writable = open(join(made, 'catalog.sqlite'));
    await writable.addRoot(music);
    bindReadOnly(made, readOnly);
    mounts.push(readOnly);
    const core = open(dbPath);

    const summary = await core.scanner.start().done;
    expect(summary.error).toMatchObject({ code: 'DB_ERROR' });
    expect(summary.error!.message).toMatch(
      new RegExp(`^Scan stopped: the catalog ${dbPath} is read-only \\(0 tracks were saved\\)\\.`),
    );
    expect(core.scanner.status()).toBeNull();
  });

  it('stops when the writer thread dies mid-scan, and the core scans again', async () => {
    const core = open(join(dir.path, 'writer-dies', 'catalog.sqlite'));
    await core.addRoot(music);
    const { done } = core.scanner.start();
    const off = core.bus.on('library.changed', () => {
      off();
      killWhenBusy(channelOf(core.writer));
    });
    const summary = await done;
    expect(summary.error).toMatchObject({ code: 'INTERNAL' });
    expect(summary.error!.message).toMatch(
      /^Scan stopped: a part of Tonearm doing this work stopped unexpectedly \(\d+ tracks? (was|were) saved\)\. Scan again\.$/,
    );
    expect(summary.tracks).toBeLessThan(TRACKS);

    const again = await core.scanner.start().done;
    expect(again.error).toBeNull();
    expect(again.tracks).toBe(TRACKS);
  });

  it('carries on when the parser process is killed mid-scan, and the core scans again', async () => {
    const core = open(join(dir.path, 'parser-dies', 'catalog.sqlite'));
    await core.addRoot(music);
    const { done } = core.scanner.start();
    const off = core.bus.on('library.changed', () => {
      off();
      process.kill(core.parser.pid!, 'SIGKILL');
    });
    // The parser is restarted and every file is parsed again: nothing is lost, nothing fails.
    const summary = await done;
    expect(summary.error).toBeNull();
    expect(summary.tracks).toBe(TRACKS);
    const again = await core.scanner.start().done;
    expect(again).toMatchObject({ error: null, unchanged: TRACKS, tracks: TRACKS });
  });

  it('stops when the parser process cannot start, and the core scans again', async () => {
    const broken = join(dir.path, 'broken-parser.js');
    writeFileSync(broken, 'process.exit(3);\n');
    let spawns = 0;
    const spawnBroken = childProcessParser(broken);
    const spawnReal = childProcessParser(PARSER_ENTRY);
    let works = false;
    const core = testCore(join(dir.path, 'parser-cannot-start', 'catalog.sqlite'), {
      spawnParser: () => (works ? spawnReal() : (spawns++, spawnBroken())),
    });
    cores.push(core);
    await core.addRoot(music);
    const summary = await core.scanner.start().done;
    expect(summary.error?.message).toMatch(
      /^Scan stopped: a part of Tonearm doing this work crashed \(0 tracks were saved\)/,
    );
    expect(spawns).toBe(3);
    works = true;
    expect(await core.scanner.start().done).toMatchObject({ error: null, tracks: TRACKS });
  });

  it('stops when the inventory thread dies, and the core scans again', async () => {
    const core = open(join(dir.path, 'inventory-dies', 'catalog.sqlite'));
    await core.addRoot(music);
    const logged: string[] = [];
    setLogSink((level, parts) => logged.push(`${level} ${parts.join(' ')}`));
    const { done } = core.scanner.start();
    killWhenBusy(channelOf((core.scanner as unknown as { inventory: object }).inventory));
    const summary = await done.finally(() => setLogSink(null));
    expect(summary.error?.message).toMatch(/^Scan stopped: a part of Tonearm doing this work stopped unexpectedly/);
    // The log file says so too, not only the summary.
    expect(logged.find((line) => line.startsWith('info scan 1 stopped'))).toContain(`(${summary.error!.message})`);
    const again = await core.scanner.start().done;
    expect(again).toMatchObject({ error: null, tracks: TRACKS });
  });
});

// The channels are private to their owners; a test reaches in to kill a thread as a crash
// would: it exits while a call waits on it.
interface ChannelInside {
  worker: Worker | null;
  pending: Map<number, unknown>;
}
function channelOf(owner: object): ChannelInside {
  return (owner as { channel: ChannelInside }).channel;
}
function killWhenBusy(channel: ChannelInside): void {
  const poll = setInterval(() => {
    if (!channel.worker || channel.pending.size === 0) return;
    clearInterval(poll);
    void channel.worker.terminate();
  }, 1);
}
