import { describe, expect, it } from 'vitest';
import { diffInventory, judgeRoot, type Fingerprint } from '../../../src/main/core/scanner/diff.ts';

const file = (path: string, size = 100, mtimeNs = 1n) => ({ path, size, mtimeNs });
const print = (id: number, size = 100, mtimeNs = 1n, extra: Partial<Fingerprint> = {}): Fingerprint => ({
  id,
  size,
  mtimeNs,
  missing: false,
  failed: false,
  ...extra,
});

describe('diffInventory', () => {
  it('sorts files into added, modified, unchanged and missing by (path, size, mtime_ns)', () => {
    const known = new Map([
      ['/m/a.mp3', print(1)],
      ['/m/b.mp3', print(2, 100, 1n)],
      ['/m/c.mp3', print(3, 100, 1n)],
      ['/m/gone.mp3', print(4)],
    ]);
    const diff = diffInventory(
      [file('/m/a.mp3'), file('/m/b.mp3', 120), file('/m/c.mp3', 100, 2n), file('/m/new.mp3')],
      known,
    );
    expect(diff.added.map((f) => f.path)).toEqual(['/m/new.mp3']);
    expect(diff.modified.map((f) => f.id)).toEqual([2, 3]);
    expect(diff.unchanged).toBe(1);
    expect(diff.missingIds).toEqual([4]);
  });
  it('brings back a missing file unchanged without reparsing it, and retries failed parses', () => {
    const known = new Map([
      ['/m/back.mp3', print(5, 100, 1n, { missing: true })],
      ['/m/bad.mp3', print(6, 100, 1n, { failed: true })],
      ['/m/still-gone.mp3', print(7, 100, 1n, { missing: true })],
    ]);
    const diff = diffInventory([file('/m/back.mp3'), file('/m/bad.mp3')], known);
    expect(diff.returnedIds).toEqual([5]);
    expect(diff.modified.map((f) => f.id)).toEqual([6]);
    expect(diff.missingIds).toEqual([]);
  });
});

describe('judgeRoot', () => {
  it('keeps a healthy root online', () => {
    expect(judgeRoot(100, 100, 3)).toEqual({ online: true });
    expect(judgeRoot(0, 0, 0)).toEqual({ online: true });
  });
  it('calls an empty root with known tracks offline (an empty mount point)', () => {
    expect(judgeRoot(0, 50, 50).online).toBe(false);
  });
  it('calls a root that lost most of its files at once offline', () => {
    expect(judgeRoot(40, 100, 60).online).toBe(false);
    expect(judgeRoot(60, 100, 40).online).toBe(true);
  });
});
