import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { RootKind } from '../../../shared/domain.ts';

export interface Mount {
  mountPoint: string;
  fsType: string;
}

const NETWORK_FS = new Set([
  'cifs',
  'smb3',
  'smbfs',
  'nfs',
  'nfs4',
  'afs',
  'ceph',
  'glusterfs',
  '9p',
  'davfs',
  'ncpfs',
  'webdav',
  'afpfs',
  'fuse.sshfs',
  'fuse.rclone',
  'fuse.s3fs',
  'fuse.davfs2',
  'fuse.gvfsd-fuse',
  'fuse.smbnetfs',
  'fuse.curlftpfs',
  'fuse.glusterfs',
  'fuse.juicefs',
  'fuse.goofys',
  'fuse.gcsfuse',
]);

export function isNetworkFsType(fsType: string): boolean {
  return NETWORK_FS.has(fsType) || fsType.startsWith('nfs') || fsType.startsWith('smb');
}

/** /proc/self/mounts escapes blanks in paths as octal (\040). */
const unescapeMount = (field: string) =>
  field.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));

export function parseProcMounts(text: string): Mount[] {
  return text
    .split('\n')
    .map((line) => line.split(' '))
    .filter((fields) => fields.length >= 3)
    .map(([, mountPoint, fsType]) => ({ mountPoint: unescapeMount(mountPoint!), fsType: fsType! }));
}

/** macOS `mount`: "//user@nas/music on /Volumes/music (smbfs, nodev, nosuid, mounted by me)". */
export function parseMacMount(text: string): Mount[] {
  return text.split('\n').flatMap((line) => {
    const match = / on (.+) \(([^,)]+)/.exec(line);
    return match ? [{ mountPoint: match[1]!, fsType: match[2]! }] : [];
  });
}

export async function readMountTable(platform = process.platform): Promise<Mount[]> {
  try {
    if (platform === 'linux') return parseProcMounts(await readFile('/proc/self/mounts', 'utf8'));
    if (platform === 'darwin') return parseMacMount((await promisify(execFile)('mount')).stdout);
  } catch {
    // No mount table: every root counts as local unless the user says otherwise.
  }
  return [];
}

/** The mount that holds this path: the longest mount point that is a prefix of it. */
export function mountOf(path: string, mounts: Mount[]): Mount | null {
  let best: Mount | null = null;
  for (const mount of mounts) {
    const prefix = mount.mountPoint.endsWith('/') ? mount.mountPoint : `${mount.mountPoint}/`;
    const inside = path === mount.mountPoint || path.startsWith(prefix);
    if (inside && (!best || mount.mountPoint.length > best.mountPoint.length)) best = mount;
  }
  return best;
}

export function detectRootKind(path: string, mounts: Mount[], platform = process.platform): RootKind {
  if (platform === 'win32') return path.startsWith('\\\\') || path.startsWith('//') ? 'network' : 'local';
  const mount = mountOf(path, mounts);
  return mount && isNetworkFsType(mount.fsType) ? 'network' : 'local';
}
