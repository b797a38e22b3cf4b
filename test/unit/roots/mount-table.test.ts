import { describe, expect, it } from 'vitest';
import { detectRootKind, mountOf, parseMacMount, parseProcMounts } from '../../../src/main/core/roots/mount-table.ts';

const PROC = `/dev/vda / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
root@127.0.0.1:/srv/music /mnt/nas fuse.sshfs rw,nosuid 0 0
//nas/music /media/My\\040Music cifs rw 0 0
nas:/export /net/nfs nfs4 rw 0 0
/dev/sdb1 /mnt/nas/local ext4 rw 0 0`;

describe('mount table', () => {
  const mounts = parseProcMounts(PROC);
  it('reads /proc/self/mounts, blanks included', () => {
    expect(mounts.map((m) => m.mountPoint)).toContain('/media/My Music');
  });
  it('finds the innermost mount of a path', () => {
    expect(mountOf('/mnt/nas/local/a.flac', mounts)?.fsType).toBe('ext4');
    expect(mountOf('/mnt/nas/jazz', mounts)?.fsType).toBe('fuse.sshfs');
    expect(mountOf('/mnt/nasty', mounts)?.mountPoint).toBe('/');
  });
  it('calls sshfs, cifs and nfs network and the rest local', () => {
    expect(detectRootKind('/mnt/nas/jazz', mounts, 'linux')).toBe('network');
    expect(detectRootKind('/media/My Music/x', mounts, 'linux')).toBe('network');
    expect(detectRootKind('/net/nfs', mounts, 'linux')).toBe('network');
    expect(detectRootKind('/mnt/nas/local', mounts, 'linux')).toBe('local');
    expect(detectRootKind('/home/me/Music', mounts, 'linux')).toBe('local');
  });
  it('reads macOS mount output and Windows UNC paths', () => {
    const mac = parseMacMount(
      '//me@nas/music on /Volumes/music (smbfs, nodev, nosuid, mounted by me)\n/dev/disk1 on / (apfs, local)',
    );
    expect(detectRootKind('/Volumes/music/a', mac, 'darwin')).toBe('network');
    expect(detectRootKind('/Users/me/Music', mac, 'darwin')).toBe('local');
    expect(detectRootKind('\\\\nas\\music', [], 'win32')).toBe('network');
    expect(detectRootKind('D:\\Music', [], 'win32')).toBe('local');
  });
});
