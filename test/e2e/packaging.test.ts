// The desktop package, packed offline from the built app with electron-builder.yml: every module
// the bundles load must be in app.asar, every native file unpacked beside it, and the Linux
// desktop integration (.desktop entry, icons) as the AppImage and .deb would install it.
// About 5 s on a 2-core machine; the real Electron binary is never needed (a stand-in is packed).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsarLayout, specifiersOf } from '../support/asar-layout.ts';
import { isBuilt } from '../support/cli.ts';
import { packLinuxDir, type PackedApp } from '../support/packed-app.ts';
import { tempDir } from '../support/temp.ts';

const OUT = fileURLToPath(new URL('../../out/', import.meta.url));
// What the desktop app loads: the shell, the preload, and the parser bundle (the parser process
// and every thread start from it), with the chunks they share.
const ENTRIES = ['/out/main/index.js', '/out/main/parser.js', '/out/preload/index.cjs'];

describe.skipIf(!isBuilt)('the packed desktop app (linux, unpacked)', () => {
  const work = tempDir('tonearm-pack-');
  let packed: PackedApp;
  let layout: AsarLayout;

  beforeAll(async () => {
    packed = await packLinuxDir(work.path);
    layout = new AsarLayout(join(packed.appOutDir, 'resources', 'app.asar'));
  }, 110_000);
  afterAll(() => work.cleanup());

  it('resolves every import of the bundles, and of the packages they reach, inside the package', () => {
    const unresolved: string[] = [];
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const specifier of specifiersOf(layout.read(file))) {
        const target = layout.resolve(specifier, file);
        if (target === null) unresolved.push(`${specifier} (from ${file})`);
        else if (target.startsWith('/out/')) visit(target);
        else if (target !== 'builtin') packages.add(layout.packageDirOf(target));
      }
    };
    for (const entry of ENTRIES) visit(entry);
    // A package's own dependencies, down the tree: the ones its code will require at run time.
    const dependencies = [...packages];
    for (const dir of dependencies) {
      for (const name of Object.keys(layout.manifest(dir).dependencies ?? {})) {
        const found = layout.packageDir(name, `${dir}/package.json`);
        if (!found) unresolved.push(`${name} (a dependency of ${dir})`);
        else if (!dependencies.includes(found)) dependencies.push(found);
      }
    }
    expect(unresolved).toEqual([]);
    expect([...seen].filter((file) => file.startsWith('/out/main/chunks/')).length).toBeGreaterThan(0);
    for (const name of ['better-sqlite3', 'music-metadata', 'sharp', 'chokidar', 'strtok3', 'zod']) {
      expect(dependencies).toContain(`/node_modules/${name}`);
    }
  });

  it('keeps every native file out of the archive, where dlopen can load it', () => {
    const native = [...layout.files].filter((file) => /\.node$|\.so(\.\d+)*$|\.dylib$|\.dll$/.test(file));
    expect(native.filter((file) => !layout.isUnpacked(file))).toEqual([]);
    const arch = `${process.platform}-${process.arch}`;
    expect(native).toContain(`/node_modules/better-sqlite3/prebuilds/${arch}.node`);
    expect(native.some((file) => new RegExp(`^/node_modules/@img/sharp-${arch}/lib/.+\\.node$`).test(file))).toBe(true);
    // sharp's addon finds libvips by a path relative to itself: both unpacked, side by side.
    expect(native.some((file) => file.startsWith(`/node_modules/@img/sharp-libvips-${arch}/lib/libvips`))).toBe(true);
  });

  it('requires each native addon by a path that is there, unpacked', () => {
    const loaders = [...layout.files].filter((file) =>
      /^\/node_modules\/(better-sqlite3|sharp|@img\/[^/]+)\/.*\.c?js$/.test(file),
    );
    // Only this platform's: the others' prebuilds are left out of this platform's package.
    const addons = loaders.flatMap((file) =>
      specifiersOf(layout.read(file))
        .filter((specifier) => specifier.endsWith('.node') && specifier.startsWith('.'))
        .map((specifier) => posix.resolve(posix.dirname(file), specifier))
        .filter((addon) => addon.includes(`${process.platform}-${process.arch}`)),
    );
    expect(addons.length).toBeGreaterThanOrEqual(2);
    for (const addon of addons) expect(layout.files.has(addon) && layout.isUnpacked(addon)).toBe(true);
  });

  it('patches files of music-metadata that exist in the package', () => {
    const chunk = readdirSync(join(OUT, 'main/chunks')).find((name) => name.startsWith('music-metadata-patches'));
    const source = layout.read(`/out/main/chunks/${chunk}`);
    const patterns = [...source.matchAll(/file: \/(.+)\/,/g)].map((m) => new RegExp(m[1]!));
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) expect([...layout.files].some((file) => pattern.test(file))).toBe(true);
  });

  it('ships what runs and nothing else', () => {
    const own = [...layout.files].filter((file) => !file.startsWith('/node_modules/'));
    expect(own.filter((file) => !/^\/(out\/(main|preload|renderer)\/|package\.json$)/.test(file))).toEqual([]);
    expect(own.filter((file) => file.endsWith('.map') || file === '/out/main/cli.js')).toEqual([]);
    expect(own).toContain('/out/renderer/index.html');
    // better-sqlite3 ships every platform's prebuild: only this one's is packed.
    const prebuilds = [...layout.files].filter((file) => file.startsWith('/node_modules/better-sqlite3/prebuilds/'));
    expect(prebuilds).toEqual([`/node_modules/better-sqlite3/prebuilds/${process.platform}-${process.arch}.node`]);
    // Dev dependencies stay out (the build tools, the test browser driver, Electron itself).
    for (const dev of ['electron', 'electron-builder', 'vite', 'vitest', 'react', 'playwright-core', 'typescript']) {
      expect(layout.files.has(`/node_modules/${dev}/package.json`)).toBe(false);
    }
  });

  it('renames the executable and puts the archive where Electron looks for it', () => {
    const executable = join(packed.appOutDir, 'tonearm');
    expect(existsSync(executable) && (statSync(executable).mode & 0o111) !== 0).toBe(true);
    expect(layout.files.has('/package.json')).toBe(true);
    expect(JSON.parse(layout.read('/package.json')) as { main: string }).toMatchObject({ main: './out/main/index.js' });
  });

  it('installs a .desktop entry for a music player that opens audio files', () => {
    const entry = Object.fromEntries(
      packed.desktopEntry
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(entry).toMatchObject({ Name: 'Tonearm', Type: 'Application', Icon: 'tonearm', StartupWMClass: 'tonearm' });
    expect(entry.Categories).toBe('Audio;AudioVideo;Player;');
    expect(entry.Exec).toMatch(/tonearm %U$/);
    for (const type of ['audio/mpeg', 'audio/flac', 'audio/ogg', 'audio/mp4', 'audio/x-wav']) {
      expect(entry.MimeType!.split(';')).toContain(type);
    }
  });

  it('has an icon in every size from 16 to 512 px', () => {
    const sizes = packed.icons.map((icon) => icon.size);
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) expect(sizes).toContain(size);
    for (const icon of packed.icons) expect(existsSync(icon.file)).toBe(true);
  });
});
