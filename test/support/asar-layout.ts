// Resolves modules the way Node does, but against a packed app: the files listed in app.asar and
// those unpacked beside it (app.asar.unpacked), which is where Electron reads native code from.
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix } from 'node:path';
import { extractFile, listPackage, statFile } from '@electron/asar';

type Exports = string | null | Exports[] | { [key: string]: Exports };
interface Manifest {
  main?: string;
  exports?: Exports;
  dependencies?: Record<string, string>;
}

const BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
// Node's conditions for import() and require() at run time; 'types' never applies.
const CONDITIONS = new Set(['node', 'import', 'require', 'module-sync', 'default']);

/** The specifiers of static imports and re-exports, dynamic import() and require() of a literal. */
export function specifiersOf(source: string): string[] {
  // Not after a dot or a quote: `commands['playlists.import']` and `x.require(` are not imports.
  const patterns = [
    /(?<![.$\w'"])(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    // A bare import ends its statement: "an import's batches" in a comment is not one.
    /(?<![.$\w'"])import\s*['"]([^'"\n]+)['"]\s*;/g,
    /(?<![.$\w'"])import\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /(?<![.$\w'"])require\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return [...new Set(patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1]!)))];
}

export class AsarLayout {
  readonly files: Set<string>;
  readonly archive: string;

  constructor(archive: string) {
    this.archive = archive;
    // Paths as the archive lists them ('/out/main/index.js'), whatever the platform's separator;
    // folders are listed too, and left out.
    const entries = listPackage(archive, { isPack: false }).map((path) => path.replaceAll('\\', '/'));
    this.files = new Set(entries.filter((path) => !('files' in statFile(archive, path.slice(1), false))));
  }

  read(path: string): string {
    const data = extractFile(this.archive, path.slice(1));
    return Buffer.from(data).toString('utf8');
  }

  /** Marked unpacked in the archive's header and present on disk in app.asar.unpacked. */
  isUnpacked(path: string): boolean {
    const stat = statFile(this.archive, path.slice(1), false) as { unpacked?: boolean };
    return stat.unpacked === true && existsSync(join(`${this.archive}.unpacked`, path));
  }

  /** The file a specifier imported from `from` loads, 'builtin', or null when it is not there. */
  resolve(specifier: string, from: string): string | null {
    if (BUILTINS.has(specifier) || specifier === 'electron') return 'builtin';
    if (specifier.startsWith('.') || specifier.startsWith('/')) {
      return this.file(posix.resolve(posix.dirname(from), specifier));
    }
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
    const subpath = `.${specifier.slice(name.length)}`;
    const dir = this.packageDir(name, from);
    return dir ? this.entry(dir, subpath) : null;
  }

  /** The package folder Node's lookup finds: node_modules of `from`'s folder and each above it. */
  packageDir(name: string, from: string): string | null {
    for (let dir = posix.dirname(from); ; dir = posix.dirname(dir)) {
      const candidate = posix.join(dir, 'node_modules', name);
      if (this.files.has(`${candidate}/package.json`)) return candidate;
      if (dir === '/') return null;
    }
  }

  /** The package folder a file in node_modules belongs to: '/node_modules/@img/colour'. */
  packageDirOf(file: string): string {
    const parts = file.split('/');
    const at = parts.lastIndexOf('node_modules');
    return parts.slice(0, at + (parts[at + 1]!.startsWith('@') ? 3 : 2)).join('/');
  }

  manifest(dir: string): Manifest {
    return JSON.parse(this.read(`${dir}/package.json`)) as Manifest;
  }

  private entry(dir: string, subpath: string): string | null {
    const manifest = this.manifest(dir);
    if (manifest.exports !== undefined) {
      const target = exportTarget(manifest.exports, subpath);
      return target ? this.file(posix.join(dir, target)) : null;
    }
    return this.file(posix.join(dir, subpath === '.' ? (manifest.main ?? 'index.js') : subpath));
  }

  private file(path: string): string | null {
    for (const candidate of [path, `${path}.js`, `${path}.json`, `${path}/index.js`]) {
      if (this.files.has(candidate)) return candidate;
    }
    return null;
  }
}

function exportTarget(exports: Exports, subpath: string): string | null {
  const isSubpathMap =
    typeof exports === 'object' && exports !== null && !Array.isArray(exports)
      ? Object.keys(exports).some((key) => key.startsWith('.'))
      : false;
  if (!isSubpathMap) return subpath === '.' ? conditional(exports) : null;
  const map = exports as Record<string, Exports>;
  if (map[subpath] !== undefined) return conditional(map[subpath]);
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const [head, tail] = [key.slice(0, star), key.slice(star + 1)];
    if (subpath.startsWith(head) && subpath.endsWith(tail) && subpath.length >= key.length - 1) {
      const target = conditional(value);
      return target?.replace('*', subpath.slice(head.length, subpath.length - tail.length)) ?? null;
    }
  }
  return null;
}

function conditional(target: Exports): string | null {
  if (target === null) return null;
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) return target.map(conditional).find((it) => it !== null) ?? null;
  for (const [condition, value] of Object.entries(target)) {
    if (CONDITIONS.has(condition)) {
      const resolved = conditional(value);
      if (resolved !== null) return resolved;
    }
  }
  return null;
}
