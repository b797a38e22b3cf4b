import { describe, expect, it } from 'vitest';
import { describeError, errorPath, errorSentence } from '../../../src/shared/error-text.ts';
import { toErrorInfo } from '../../../src/shared/result.ts';

function nodeError(code: string, message: string, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code, ...(path ? { path } : {}) });
}
// What a ThreadCallError looks like: the thrown code rides along, the path only in the message.
function fromThread(thrownCode: string, message: string) {
  return Object.assign(new Error(message), { code: 'FAILED', thrownCode });
}

describe('error texts', () => {
  it('names the file for every errno it knows', () => {
    const path = '/music/a.flac';
    const cases: Record<string, RegExp> = {
      ENOSPC: /^The disk holding \/music\/a\.flac is full\. Free some space and try again\.$/,
      EACCES: /^Tonearm is not allowed to use \/music\/a\.flac\. Check its permissions/,
      EPERM: /^Tonearm is not allowed to use \/music\/a\.flac\./,
      EROFS: /^\/music\/a\.flac is on a read-only disk\./,
      ENOENT: /^\/music\/a\.flac does not exist\./,
      ENOTDIR: /^Part of \/music\/a\.flac is not a folder\./,
      EIO: /^The disk or share holding \/music\/a\.flac failed to read or write\./,
      ETIMEDOUT: /^The share holding \/music\/a\.flac did not answer in time\./,
      EHOSTDOWN: /^The server holding \/music\/a\.flac is down or unreachable\./,
      ENOTCONN: /^The share holding \/music\/a\.flac is no longer connected\./,
    };
    for (const [code, sentence] of Object.entries(cases)) {
      expect(errorSentence(nodeError(code, `${code}: whatever`, path)), code).toMatch(sentence);
    }
  });

  it('names the catalog for SQLite codes, extended ones included', () => {
    const path = '/data/catalog.sqlite';
    const sqlite = (code: string) => errorSentence(nodeError(code, 'database or disk is full'), { path });
    expect(sqlite('SQLITE_FULL')).toBe('The disk holding /data/catalog.sqlite is full. Free some space and try again.');
    expect(sqlite('SQLITE_READONLY')).toMatch(/^The catalog \/data\/catalog\.sqlite is read-only\./);
    expect(sqlite('SQLITE_READONLY_DBMOVED')).toMatch(/is read-only/);
    expect(sqlite('SQLITE_CORRUPT')).toMatch(/^The catalog \/data\/catalog\.sqlite is damaged\./);
    expect(sqlite('SQLITE_BUSY')).toMatch(/is in use by another program/);
    expect(sqlite('SQLITE_IOERR_WRITE')).toMatch(/failed to read or write/);
    expect(errorSentence(nodeError('SQLITE_CORRUPT', 'x'))).toMatch(/^The catalog is damaged\./);
  });

  it('finds the path in a message that crossed a thread', () => {
    const err = fromThread('ENOENT', "ENOENT: no such file or directory, realpath '/gone/music'");
    expect(errorPath(err)).toBe('/gone/music');
    expect(errorSentence(err)).toMatch(/^\/gone\/music does not exist\./);
  });

  it('ends the advice the way the caller asks', () => {
    expect(describeError(nodeError('ENOSPC', 'x'), { path: '/d', retry: 'scan again' })).toEqual({
      reason: 'the disk holding /d is full',
      advice: 'Free some space and scan again.',
    });
    expect(errorSentence(Object.assign(new Error('x'), { code: 'THREAD_EXITED' }), { retry: 'scan again' })).toBe(
      'A part of Tonearm doing this work stopped unexpectedly. Scan again.',
    );
  });

  it('keeps the first line of what it cannot explain', () => {
    expect(errorSentence(new Error('something odd\n  at frame'))).toBe('something odd');
    expect(errorSentence(nodeError('EWEIRD', 'EWEIRD: strange'))).toBe('EWEIRD: strange');
    expect(describeError('plain text')).toBeNull();
    expect(describeError(nodeError('__proto__', 'x'))).toBeNull();
  });

  it('gives the host its codes and sentences', () => {
    expect(toErrorInfo(fromThread('SQLITE_FULL', 'database or disk is full'))).toEqual({
      code: 'DISK_FULL',
      message: 'The disk is full. Free some space and try again.',
    });
    expect(toErrorInfo(fromThread('SQLITE_READONLY', 'attempt to write a readonly database')).code).toBe('DB_ERROR');
    expect(toErrorInfo(nodeError('EACCES', 'EACCES: permission denied', '/x'))).toEqual({
      code: 'FILE_UNREADABLE',
      message: 'Tonearm is not allowed to use /x. Check its permissions and try again.',
    });
    expect(toErrorInfo(new Error('boom')).code).toBe('INTERNAL');
  });
});
