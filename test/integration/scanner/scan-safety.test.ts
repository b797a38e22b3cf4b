// The rules that keep a library from being emptied or scrambled (DESIGN.md, "The scan
// pipeline"), each pinned on a real SQLite file and real audio files.
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/core.ts';
import { hasFfmpeg } from '../../support/audio.ts';
import { testCore } from '../../support/core.ts';
import { smallLibrary } from '../../support/library.ts';
import { tempDir } from '../../support/temp.ts';

interface Row {
  id: number;
  path: string;
  missing_since: number | null;
  added_at: number;
}

describe.skipIf(!hasFfmpeg)('scan safety', () => {
  let dir: ReturnType<typeof tempDir>;
  let music: string;
  let core: Core;
  let paths: string[];

  const scan = () => core.scanner.start().done;
  const rows = () =>
    core.catalog.db.prepare('SELECT id, path, missing_since, added_at FROM tracks ORDER BY id').all() as Row[];
  const available = () => core.catalog.tracks.byIds(rows().map((row) => row.id)).filter((t) => t.available).length;

  beforeEach(async () => {
    dir = tempDir();
    music = join(dir.path, 'music');
    paths = (await smallLibrary(music, 30)).tracks.map((t) => t.path);
    core = testCore(join(dir.path, 'catalog.sqlite'));
    await core.addRoot(music);
    const first = await scan();
    expect(first.added).toBe(30);
  });
  afterEach(async () => {
    await core.close();
    dir.cleanup();
  });

  it('marks an unreachable root offline, keeps its tracks, and brings them back', async () => {
    renameSync(music, `${music}.away`);
    const summary = await scan();
    expect(summary.offlineRoots).toEqual([music]);
    expect(summary.missing + summary.removed).toBe(0);
    expect(rows()).toHaveLength(30);
    expect(rows().every((row) => row.missing_since === null)).toBe(true);
    expect(available()).toBe(0);
    expect(core.catalog.roots.list()[0]).toMatchObject({ online: false });

    renameSync(`${music}.away`, music);
    const back = await scan();
    expect(back.offlineRoots).toEqual([]);
    expect(back.unchanged).toBe(30);
    expect(available()).toBe(30);
  });

  it('treats an empty mount point as offline, not as an emptied library', async () => {
    renameSync(music, `${music}.away`);
    mkdirSync(music);
    const summary = await scan();
    expect(summary.offlineRoots).toEqual([music]);
    expect(rows()).toHaveLength(30);
    expect(rows().every((row) => row.missing_since === null)).toBe(true);
  });

  it('treats a root that lost most of its files at once as offline', async () => {
    for (const path of paths.slice(0, 20)) rmSync(path);
    const summary = await scan();
    expect(summary.offlineRoots).toEqual([music]);
    expect(summary.missing).toBe(0);
    expect(rows().every((row) => row.missing_since === null)).toBe(true);
  });

  it('marks a really gone file missing, gives its stats back when it returns, and purges it later', async () => {
    const gone = paths[3]!;
    const id = rows().find((row) => row.path === gone)!.id;
    core.catalog.db.prepare('INSERT INTO play_stats (track_id, play_count, rating) VALUES (?, 7, 4)').run(id);
    cpSync(gone, join(dir.path, 'kept.audio'));
    rmSync(gone);

    const summary = await scan();
    expect(summary).toMatchObject({ missing: 1, removed: 0, offlineRoots: [] });
    expect(rows().find((row) => row.id === id)!.missing_since).not.toBeNull();

    cpSync(join(dir.path, 'kept.audio'), gone);
    const back = await scan();
    expect(back.missing).toBe(0);
    const row = rows().find((r) => r.path === gone)!;
    expect(row.id).toBe(id);
    expect(row.missing_since).toBeNull();
    expect(core.catalog.db.prepare('SELECT play_count, rating FROM play_stats WHERE track_id = ?').get(id)).toEqual({
      play_count: 7,
      rating: 4,
    });

    // Gone for longer than the grace period: purged.
    rmSync(gone);
    await scan();
    const days = core.settings.get('scan.purgeMissingAfterDays');
    core.catalog.db
      .prepare('UPDATE tracks SET missing_since = ? WHERE id = ?')
      .run(Date.now() - (days + 1) * 86_400_000, id);
    const purged = await scan();
    expect(purged.removed).toBe(1);
    expect(rows().some((r) => r.id === id)).toBe(false);
  });

  it('keeps play count, rating, added date and playlist entries of a file moved or renamed', async () => {
    const moving = paths[5]!;
    const before = rows().find((row) => row.path === moving)!;
    const db = core.catalog.db;
    db.prepare('INSERT INTO play_stats (track_id, play_count, rating, last_played_at) VALUES (?, 12, 5, 1234)').run(
      before.id,
    );
    const playlist = await core.writer.write.createPlaylistFromTracks('Keep', null, [before.id]);

    const target = join(music, 'Elsewhere', `renamed ${basename(moving)}`);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(moving, target);
    const summary = await scan();
    expect(summary).toMatchObject({ moved: 1, added: 0, missing: 0 });

    const after = rows().find((row) => row.path === target)!;
    expect(after.id).toBe(before.id);
    expect(after.added_at).toBe(before.added_at);
    expect(rows()).toHaveLength(30);
    expect(
      db.prepare('SELECT play_count, rating, last_played_at FROM play_stats WHERE track_id = ?').get(after.id),
    ).toEqual({
      play_count: 12,
      rating: 5,
      last_played_at: 1234,
    });
    expect(db.prepare('SELECT track_id FROM playlist_entries WHERE playlist_id = ?').pluck().all(playlist)).toEqual([
      before.id,
    ]);
  });

  it('rescans a modified file in place', async () => {
    const target = paths[0]!;
    const before = rows().find((row) => row.path === target)!;
    cpSync(paths[1]!, target);
    const summary = await scan();
    expect(summary).toMatchObject({ updated: 1, added: 0, unchanged: 29 });
    expect(rows().find((row) => row.path === target)!.id).toBe(before.id);
  });
});
