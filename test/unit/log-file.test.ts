// The log file: lines of every level with the process's name, stderr kept for warnings and
// errors, and one rotated file at the size limit (the app's limit is 5 MB; a small one here).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLogFile } from '../../src/main/core/log-file.ts';
import { log, setLogSink } from '../../src/main/core/log.ts';
import { tempDir } from '../support/temp.ts';

describe('the log file', () => {
  const dirs: { cleanup(): void }[] = [];
  afterEach(() => {
    setLogSink(null);
    vi.restoreAllMocks();
    for (const dir of dirs.splice(0)) dir.cleanup();
  });
  const fresh = () => {
    const dir = tempDir();
    dirs.push(dir);
    return dir.path;
  };

  it('writes each level under logs/ in the data folder, and only warnings and errors to stderr', () => {
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stdout = vi.spyOn(console, 'info').mockImplementation(() => {});
    const dataDir = fresh();
    const file = openLogFile(dataDir, 'unit');
    expect(file).toBe(join(dataDir, 'logs', 'tonearm.log'));
    log.info('started');
    log.warn('a file failed:', 'x.flac');
    log.error('a thread crashed:', new Error('boom'));
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/\[info\] +unit: started\n/);
    expect(text).toMatch(/\[warn\] +unit: a file failed: x\.flac\n/);
    expect(text).toMatch(/\[error\] unit: a thread crashed: Error: boom/);
    expect(stderr).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(stdout).not.toHaveBeenCalled();
  });

  it('keeps one rotated file beside it at the size limit', () => {
    const dataDir = fresh();
    const file = openLogFile(dataDir, 'unit', 20_000);
    const line = 'x'.repeat(500);
    for (let i = 0; i < 200; i++) log.info(`${i} ${line}`);
    expect(readdirSync(join(dataDir, 'logs')).sort()).toEqual(['tonearm.log', 'tonearm.old.log']);
    expect(statSync(file).size).toBeLessThan(20_000 + 1000);
    // The newest lines are in the current file.
    expect(readFileSync(file, 'utf8')).toContain(`199 ${line}`);
  });

  it('never throws from a log call, even where the file cannot be written', () => {
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    // A data folder that is a file: logs/ cannot be made in it.
    const notAFolder = join(fresh(), 'catalog.sqlite');
    writeFileSync(notAFolder, '');
    openLogFile(notAFolder, 'unit');
    expect(() => log.error('still here')).not.toThrow();
    expect(stderr).toHaveBeenCalledWith('still here');
  });
});
