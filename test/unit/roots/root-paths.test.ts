import { describe, expect, it } from 'vitest';
import { isInside, isSystemFolder } from '../../../src/main/core/roots/root-paths.ts';

describe('library folder rules', () => {
  it('knows a folder inside another, the file system root included', () => {
    expect(isInside('/music/jazz', '/music')).toBe(true);
    expect(isInside('/music', '/')).toBe(true);
    expect(isInside('/music', '/music')).toBe(false);
    expect(isInside('/musical', '/music')).toBe(false);
    expect(isInside('/', '/music')).toBe(false);
  });

  it('refuses the root, the OS folders and anything under the virtual ones', () => {
    for (const folder of ['/', '/proc', '/proc/1', '/sys/class', '/dev', '/dev/shm', '/etc', '/usr', 'C:\\', 'D:'])
      expect(isSystemFolder(folder), folder).toBe(true);
    for (const folder of ['/home/me/Music', '/mnt/nas', '/media/usb', '/usr-music', '/srv/music'])
      expect(isSystemFolder(folder), folder).toBe(false);
  });
});
