// Killing the importer mid-import loses at most the batch it was writing: the next scan
// finds an intact catalog and carries on, with no duplicates.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { hasFfmpeg } from '../../support/audio.ts';
import { CLI_SOURCE } from '../../support/cli-source.ts';
import { smallLibrary } from '../../support/library.ts';
import { tempDir } from '../../support/temp.ts';

const TRACKS = 3000;

function countTracks(dbPath: string): number {
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT count(*) FROM tracks').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

describe.skipIf(!hasFfmpeg)('an import killed with SIGKILL', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('leaves a sound catalog that the next scan completes without duplicates', async () => {
    const music = join(dir.path, 'music');
    await smallLibrary(music, TRACKS, 11);
    const db = join(dir.path, 'catalog.sqlite');

    const child = spawn(process.execPath, [CLI_SOURCE, 'scan', music, '--db', db], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    const deadline = Date.now() + 60_000;
    let seen = 0;
    while (Date.now() < deadline && (seen = countTracks(db)) < 300) await new Promise((r) => setTimeout(r, 20));
    expect(seen).toBeGreaterThan(0);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const partial = countTracks(db);
    expect(partial).toBeLessThan(TRACKS);

    const check = new Database(db);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    const rescan = spawn(process.execPath, [CLI_SOURCE, 'scan', music, '--db', db, '--json'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    rescan.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    expect(await new Promise((resolve) => rescan.once('exit', resolve))).toBe(0);
    const summary = JSON.parse(out) as { added: number; unchanged: number; tracks: number };
    expect(summary.tracks).toBe(TRACKS);
    expect(summary.added + summary.unchanged).toBe(TRACKS);
    expect(summary.unchanged).toBeGreaterThanOrEqual(partial);

    const after = new Database(db);
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(after.prepare('SELECT count(*) - count(DISTINCT path) FROM tracks').pluck().get()).toBe(0);
    expect(
      after.prepare("SELECT count(*) FROM tracks_fts WHERE tracks_fts MATCH 'a* OR e* OR o*'").pluck().get(),
    ).toBeGreaterThan(0);
    // The search index holds every track and nothing else, whatever it lacked at the kill.
    expect(() => after.prepare("INSERT INTO tracks_fts (tracks_fts) VALUES ('integrity-check')").run()).not.toThrow();
    after.close();
  });
});
