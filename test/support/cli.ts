// Drives the built `tonearm` command, exactly as a user or a benchmark would.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const TONEARM_BIN = fileURLToPath(new URL('../../bin/tonearm.js', import.meta.url));
export const isBuilt = existsSync(fileURLToPath(new URL('../../out/main/cli.js', import.meta.url)));

export async function tonearm(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [TONEARM_BIN, ...args], { maxBuffer: 64 * 1024 * 1024 });
}

export interface ServedTonearm {
  url: string;
  base: string;
  token: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `tonearm serve` and waits for its one line "Tonearm at http://…/?token=…". */
export function serveTonearm(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ServedTonearm> {
  const child = spawn(process.execPath, [TONEARM_BIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Tonearm at (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(stdout);
      if (!match) return;
      resolve({
        url: `${match[1]}/?token=${match[2]}`,
        base: match[1]!,
        token: match[2]!,
        process: child,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`tonearm serve exited (${code}): ${stderr}`)));
  });
}
