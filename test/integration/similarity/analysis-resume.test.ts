// The analysis killed with SIGKILL mid-way resumes where its last written batch ended: nothing
// written is analysed again, every track gets its vector, and what was lost is one batch at most.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { hasFfmpeg } from '../../support/audio.ts';
import { testCore } from '../../support/core.ts';
import { writeToneWav } from '../../support/similarity/wav.ts';
import { tempDir } from '../../support/temp.ts';

const CHILD = fileURLToPath(new URL('../../support/similarity/analysis-crash-child.ts', import.meta.url));
const ANALYSER = fileURLToPath(new URL('../../support/similarity/tone-analyser.ts', import.meta.url));
const TRACKS = 90;
/** The job's batch: at most this many analyses are lost to a kill. */
const BATCH = 64;

function committedPaths(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare('SELECT t.path FROM track_vectors v JOIN tracks t ON t.id = v.track_id')
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}

/** Starts the child and kills it once a first batch is written and it has gone on a while. */
function analyseAndKill(dbPath: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dbPath], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stderr = '';
    let killing = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const poll = setInterval(() => {
      if (killing || committedPaths(dbPath).length === 0) return;
      killing = true;
      setTimeout(() => child.kill('SIGKILL'), 700);
    }, 100);
    const stuck = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (code, signal) => {
      clearInterval(poll);
      clearTimeout(stuck);
      if (signal === 'SIGKILL' && killing) resolve();
      else reject(new Error(`child ${signal ?? `exited ${code}`} before it was killed: ${stderr}`));
    });
  });
}

describe.skipIf(!hasFfmpeg)('similarity: resuming after kill -9', () => {
  it('analyses what was not written, and nothing that was', async () => {
    const dir = tempDir();
    const dbPath = join(dir.path, 'catalog.sqlite');
    const log = join(dir.path, 'analysed.log');
    writeFileSync(log, '');
    try {
      for (let i = 0; i < TRACKS; i++) writeToneWav(join(dir.path, 'lib', `tone-${i}.wav`), 200 + i * 10);
      const scanning = testCore(dbPath);
      await scanning.addRoot(join(dir.path, 'lib'));
      await scanning.scanner.start({}).done;
      await scanning.close();

      await analyseAndKill(dbPath, {
        ...process.env,
        TONEARM_TEST_ANALYSIS_LOG: log,
        TONEARM_TEST_ANALYSIS_DELAY_MS: '25',
      });
      const committed = new Set(committedPaths(dbPath));
      const analysedBeforeKill = readFileSync(log, 'utf8').split('\n').filter(Boolean);
      expect(committed.size).toBeGreaterThan(0);
      expect(committed.size).toBeLessThan(TRACKS);
      expect(analysedBeforeKill.length - committed.size).toBeLessThanOrEqual(BATCH);

      writeFileSync(log, '');
      process.env.TONEARM_TEST_ANALYSIS_LOG = log;
      const core = testCore(dbPath, { analyser: ANALYSER });
      try {
        core.similarity.start();
        await core.similarity.idle();
        const analysedAfter = readFileSync(log, 'utf8').split('\n').filter(Boolean);
        expect(analysedAfter.filter((path) => committed.has(path))).toEqual([]);
        expect(new Set(analysedAfter).size).toBe(analysedAfter.length);
        expect(analysedAfter.length).toBe(TRACKS - committed.size);
        expect(await core.similarity.freshStatus()).toMatchObject({ analysed: TRACKS, pending: 0, failed: 0 });
      } finally {
        delete process.env.TONEARM_TEST_ANALYSIS_LOG;
        await core.close();
      }
    } finally {
      dir.cleanup();
    }
  }, 120_000);
});
