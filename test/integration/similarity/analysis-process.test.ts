// The analysis runs in a child process of its own, at the lowest priority; killed mid-analysis,
// it takes nothing of the serving process with it: the job says why it stopped, starts it again
// a while later and goes on where the last written batch ended.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SimilarityStatus } from '../../../src/shared/similarity.ts';
import { hasFfmpeg } from '../../support/audio.ts';
import { testCore } from '../../support/core.ts';
import { writeToneWav } from '../../support/similarity/wav.ts';
import { tempDir } from '../../support/temp.ts';

const ANALYSER = fileURLToPath(new URL('../../support/similarity/tone-analyser.ts', import.meta.url));
const TRACKS = 40;

async function until<T>(what: string, look: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = look();
    if (seen) return seen;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The nice value of a process, field 19 of /proc/PID/stat (after the command's parentheses). */
function niceOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

describe.skipIf(!hasFfmpeg)('similarity: the analysis process', () => {
  it('analyses in a child process and, killed, is started again without the serving process noticing', async () => {
    const dir = tempDir();
    const dbPath = join(dir.path, 'catalog.sqlite');
    process.env.TONEARM_TEST_ANALYSIS_DELAY_MS = '60';
    const core = testCore(dbPath, { analyser: ANALYSER });
    try {
      for (let i = 0; i < TRACKS; i++) writeToneWav(join(dir.path, 'lib', `tone-${i}.wav`), 200 + i * 10);
      await core.addRoot(join(dir.path, 'lib'));
      await core.scanner.start({}).done;
      const progress: SimilarityStatus[] = [];
      core.bus.on('similar.progress', (status) => progress.push(status));
      core.similarity.start();

      const pid = await until('the analysis process', () => core.similarity.analysisPid);
      expect(pid).not.toBe(process.pid);
      expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain('--tonearm-start');
      await until('some tracks analysed', () => core.similarity.status().analysed >= 3);
      if (process.platform === 'linux') expect(niceOf(pid)).toBe(19);
      process.kill(pid, 'SIGKILL');

      const stopped = await until('the reason', () => core.similarity.status().reason);
      expect(stopped).toMatch(/^The analysis process stopped \(killed\); the analysis tries again in 15 s\.$/);
      expect(progress.some((status) => status.reason === stopped)).toBe(true);
      // The serving side goes on answering meanwhile.
      expect((await core.similarity.freshStatus()).running).toBe(false);

      const again = await until('a new analysis process', () => core.similarity.analysisPid, 30_000);
      expect(again).not.toBe(pid);
      await until('every track analysed', () => {
        const status = core.similarity.status();
        return status.pending === 0 && !status.running && status.analysed === TRACKS;
      });
      expect(core.similarity.status()).toMatchObject({ failed: 0, reason: null });
      // The pass is over: the process is gone, and its memory with it.
      await until('the process released', () => core.similarity.analysisPid === undefined, 10_000);
      // Asking for similar tracks needs the vectors' space, not the analyser: no process starts for it.
      const similar = await core.similarity.tracks([1], 5);
      expect(similar.rows.length).toBeGreaterThan(0);
      expect(core.similarity.analysisPid).toBeUndefined();
    } finally {
      delete process.env.TONEARM_TEST_ANALYSIS_DELAY_MS;
      await core.close();
      dir.cleanup();
    }
  }, 120_000);
});
