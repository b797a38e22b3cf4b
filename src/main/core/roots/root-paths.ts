// What may be a library folder: the rules that keep a root from swallowing another or the system.
import { sep } from 'node:path';

// The OS's own folders are refused as they are; the kernel's virtual ones with all inside them.
const SYSTEM_FOLDERS = new Set(['/', '/bin', '/boot', '/etc', '/lib', '/run', '/sbin', '/usr']);
const VIRTUAL_FOLDERS = ['/proc', '/sys', '/dev'];

/** Whether `inner` is a folder strictly inside `outer` (both real, absolute paths). */
export function isInside(inner: string, outer: string): boolean {
  const prefix = outer.endsWith(sep) ? outer : `${outer}${sep}`;
  return inner !== outer && inner.startsWith(prefix);
}

/** The file system's root, the kernel's virtual folders and the OS's own: never music folders. */
export function isSystemFolder(real: string): boolean {
  if (/^[A-Za-z]:\\?$/.test(real)) return true;
  return SYSTEM_FOLDERS.has(real) || VIRTUAL_FOLDERS.some((folder) => real === folder || isInside(real, folder));
}
