// The Electron shell cannot be launched here (no Electron binary), so its wiring is checked by
// loading the built main bundle with a stand-in for the electron module.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { channelFor, commandNames, MEDIA_SCHEME } from '../../src/shared/contract.ts';
import { isBuilt } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';

const OUT = fileURLToPath(new URL('../../out/', import.meta.url));
const RUNNER = fileURLToPath(new URL('../support/electron-stub/run-main.js', import.meta.url));

interface Report {
  privileged: { scheme: string; privileges: Record<string, boolean> }[];
  protocolSchemes: string[];
  ipcChannels: string[];
  windows: { webPreferences: Record<string, unknown> }[];
  forks: { entry: string; args: string[]; options: { serviceName: string } }[];
  paths: Record<string, string>;
  loadedFile: string;
  menus: number;
  windowOpenHandler: string;
  mediaStatus: number;
  mediaCors: string | null;
  badReply: { ok: boolean; error?: { code: string } };
  foreignReply: { ok: boolean; error?: { code: string } };
}

describe.skipIf(!isBuilt)('the built Electron shell', () => {
  let report: Report;
  const data = tempDir();

  beforeAll(async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [RUNNER, join(OUT, 'main/index.js')], {
      env: { ...process.env, TONEARM_DATA_DIR: data.path },
    });
    report = JSON.parse(stdout) as Report;
  });

  it('has a handler for every command of the contract, and nothing else', () => {
    expect([...report.ipcChannels].sort()).toEqual(commandNames.map(channelFor).sort());
  });

  it('registers the media scheme as privileged, with streaming, and handles it', () => {
    expect(report.privileged).toEqual([
      {
        scheme: MEDIA_SCHEME,
        privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
      },
    ]);
    expect(report.protocolSchemes).toEqual([MEDIA_SCHEME]);
    expect(report.mediaStatus).toBe(404);
    // The player fetch()es tracks from the file:// page: a cross-origin read it must be allowed.
    expect(report.mediaCors).toBe('*');
  });

  it('creates the window with secure webPreferences and a preload that exists', () => {
    expect(report.windows).toHaveLength(1);
    const prefs = report.windows[0]!.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(existsSync(prefs.preload as string)).toBe(true);
    expect(report.loadedFile).toBe(join(OUT, 'renderer/index.html'));
    expect(existsSync(report.loadedFile)).toBe(true);
    expect(report.windowOpenHandler).toBe('function');
  });

  it('forks the parser and the audio analysis as utilityProcesses of an entry that exists in the build output', () => {
    expect(report.forks.map((fork) => fork.options.serviceName)).toEqual(['Tonearm parser', 'Tonearm analysis']);
    for (const fork of report.forks) expect(fork.entry).toBe(join(OUT, 'main/parser.js'));
    expect(existsSync(report.forks[0]!.entry)).toBe(true);
    // The parser bundle's entry is told to be the analysis by its start data.
    expect(report.forks[0]!.args).toEqual([]);
    expect(report.forks[1]!.args[0]).toBe('--tonearm-start');
    expect(JSON.parse(report.forks[1]!.args[1]!)).toMatchObject({ thread: 'analysis' });
  });

  it('uses the same data folder as the CLI', () => {
    expect(report.paths.userData).toBe(data.path);
  });

  it('starts the log file in the data folder with the version', () => {
    const log = readFileSync(join(data.path, 'logs', 'tonearm.log'), 'utf8');
    expect(log).toMatch(/\[info\] +app: Tonearm \S+ started/);
  });

  it('validates IPC input and refuses foreign frames', () => {
    expect(report.badReply).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(report.foreignReply).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('ships a sandbox-ready preload (CommonJS, requiring nothing but electron)', () => {
    const preload = readFileSync(join(OUT, 'preload/index.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('keeps electron out of everything but the shell', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (
          /\.(ts|tsx)$/.test(entry.name) &&
          /from ['"]electron['"]|require\(['"]electron['"]\)/.test(readFileSync(path, 'utf8'))
        ) {
          offenders.push(path.slice(path.indexOf('src/')));
        }
      }
    };
    walk(fileURLToPath(new URL('../../src/', import.meta.url)));
    expect(offenders.filter((path) => !path.startsWith('src/main/shell/'))).toEqual([]);
  });
});
