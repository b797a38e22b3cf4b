// Small file systems for tests of failing disks: a tmpfs that fills up, a bind mount that is
// read-only. Mounting needs root; tests that use these skip with a message elsewhere.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

export const isRoot = process.getuid?.() === 0;
export const notRootMessage = 'needs root (mount): run as root to test a full or read-only disk';

export function mountTmpfs(dir: string, size: string): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
}

export function resizeTmpfs(dir: string, size: string): void {
  execFileSync('mount', ['-o', `remount,size=${size}`, dir]);
}

export function bindReadOnly(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  execFileSync('mount', ['--bind', from, to]);
  execFileSync('mount', ['-o', 'remount,bind,ro', to]);
}

/** Lazily, so a file a failed test left open cannot keep the mount (and the next run) busy. */
export function unmount(dir: string): void {
  try {
    execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  } catch {
    // Not mounted: the test failed before it mounted anything.
  }
}
