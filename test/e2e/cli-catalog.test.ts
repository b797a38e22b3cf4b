// The built `tonearm` on the catalog file itself: serve never makes a catalog it was not asked
// for, scan refuses a damaged one without writing into it, backup and restore round-trip.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBuilt, TONEARM_BIN, tonearm } from '../support/cli.ts';
import { catalogCopies } from '../support/catalog-copies.ts';
import { damageIndexPage } from '../support/damage.ts';

/** Runs tonearm expecting it to fail: its exit code and stderr. */
function failing(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    // A serve that wrongly starts would run forever: the timeout ends it and the test fails.
    execFile(process.execPath, [TONEARM_BIN, ...args], { timeout: 15_000 }, (err, _stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stderr }),
    );
  });
}

describe.skipIf(!isBuilt)('tonearm and the catalog file', () => {
  const copy = catalogCopies(3000);

  it('serve --db on a missing file refuses in one line and makes nothing', async () => {
    const missing = join(copy.dir, 'typo', 'catalgo.sqlite');
    const { code, stderr } = await failing(['serve', '--db', missing, '--port', '0']);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`tonearm serve: No catalog at ${missing}: \`tonearm scan DIR\` makes one`);
    expect(existsSync(join(copy.dir, 'typo'))).toBe(false);
  });

  it('scan refuses a damaged catalog with the file and the way out, and leaves it as it was', async () => {
    damageIndexPage(copy.dbPath);
    const before = readFileSync(copy.dbPath);
    const { code, stderr } = await failing(['scan', copy.dir, '--db', copy.dbPath]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      new RegExp(`^tonearm scan: The catalog ${copy.dbPath} is damaged \\(.+\\)\\. Restore a backup: tonearm restore`),
    );
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(copy.dbPath).equals(before)).toBe(true);
  });

  it('query that meets the damaged page names the file and the way out, not just "malformed"', async () => {
    damageIndexPage(copy.dbPath);
    const { code, stderr } = await failing(['query', '--db', copy.dbPath, '--sort', 'bitrate', '--json']);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      new RegExp(`^tonearm query: The catalog ${copy.dbPath} is damaged \\(.*malformed.*\\)\\. Restore a backup`),
    );
  });

  it('backup prints the backup it wrote; restore puts it back and keeps the damaged file', async () => {
    const written = (await tonearm(['backup', '--db', copy.dbPath])).stdout.trim();
    expect(written).toMatch(/backups\/catalog-\d{4}-\d\d-\d\d-\d{6}\.sqlite$/);
    expect(readFileSync(written).length).toBeGreaterThan(0);
    damageIndexPage(copy.dbPath);
    expect((await failing(['backup', '--db', copy.dbPath])).stderr).toContain('is damaged');

    const { stdout, stderr } = await tonearm(['restore', '--db', copy.dbPath]);
    expect(stdout.trim()).toBe(copy.dbPath);
    expect(stderr).toContain(`from ${written}`);
    // Its WAL, if it had one, goes with it: catalog.sqlite.damaged-DATE-wal.
    expect(readdirSync(copy.dir).filter((name) => /^catalog\.sqlite\.damaged-[\d-]+$/.test(name))).toHaveLength(1);
    const tracks = JSON.parse(
      (await tonearm(['query', '--db', copy.dbPath, '--sort', 'bitrate', '--json'])).stdout,
    ) as unknown[];
    expect(tracks).toHaveLength(3000);
  });

  it('explains backup and restore with --help', async () => {
    expect((await tonearm(['backup', '--help'])).stdout).toContain('tonearm backup [--db FILE]');
    expect((await tonearm(['restore', '--help'])).stdout).toContain('damaged-DATE');
  });
});
