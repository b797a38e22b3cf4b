import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ScanMeasurement } from './measure.ts';

export type CoreScan = ScanMeasurement & { mainRssMB: number; parserRssMB: number | null };

const SCRIPT = fileURLToPath(new URL('./core-process.ts', import.meta.url));

/** Starts bench/scan/core-process.ts on a catalog and a root; each scan() runs one scan there. */
export function startCoreProcess(dbPath: string, root: string) {
  const child = spawn(process.execPath, [SCRIPT, dbPath, root], { stdio: ['pipe', 'pipe', 'inherit'] });
  const replies = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    async scan(): Promise<CoreScan> {
      child.stdin!.write(`${JSON.stringify({ op: 'scan' })}\n`);
      const reply = await replies.next();
      if (reply.done) throw new Error('the core process ended');
      return JSON.parse(reply.value) as CoreScan;
    },
    async stop(): Promise<void> {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // Ending stdin matters: an open pipe would keep the core process alive after 'exit'.
      child.stdin!.end(`${JSON.stringify({ op: 'exit' })}\n`);
      await exited;
    },
  };
}
