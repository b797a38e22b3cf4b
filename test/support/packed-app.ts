// Packs the built app with electron-builder's own API into the unpacked Linux layout, offline:
// a stand-in Electron distribution replaces the download, and the app is staged in a folder of
// its own whose package.json names the "traversal" collector, so the production node_modules are
// found by walking them (npm ls, the default, cannot read a checkout whose node_modules is a link).
import { chmodSync, cpSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

export interface PackedApp {
  /** linux-unpacked: the executable, resources/app.asar and resources/app.asar.unpacked */
  appOutDir: string;
  /** The .desktop file and icons the AppImage and .deb targets would write, from the same config. */
  desktopEntry: string;
  icons: { file: string; size: number }[];
}

interface LinuxHelper {
  computeDesktopEntry(options: unknown): Promise<string>;
  readonly icons: Promise<{ file: string; size: number }[]>;
}
interface AfterPackContext {
  appOutDir: string;
  packager: { platformSpecificBuildOptions: unknown };
}
interface Builder {
  build(options: {
    projectDir: string;
    targets: unknown;
    publish: 'never';
    config: Record<string, unknown>;
  }): Promise<string[]>;
  Platform: { LINUX: { createTarget(types: string[]): unknown } };
}

/** What electron-builder copies from an unpacked distribution and renames to the executable. */
function standInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  writeFileSync(join(dir, 'electron'), '#!/bin/sh\n# stand-in: the real binary cannot be downloaded here\nexit 0\n');
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
}

function stageProject(dir: string): void {
  for (const part of ['out', 'electron-builder.yml', 'resources'])
    cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...manifest, packageManager: 'traversal@1.0.0' }));
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(dir, 'node_modules'));
}

export function electronVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string })
    .version;
}

export async function packLinuxDir(workDir: string): Promise<PackedApp> {
  const project = join(workDir, 'project');
  const dist = join(workDir, 'electron-dist');
  mkdirSync(project);
  standInElectron(dist);
  stageProject(project);
  const { build, Platform } = require('electron-builder') as Builder;
  const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper.js') as {
    LinuxTargetHelper: new (packager: unknown) => LinuxHelper;
  };
  let desktopEntry = '';
  let icons: PackedApp['icons'] = [];
  let appOutDir = '';
  await build({
    projectDir: project,
    targets: Platform.LINUX.createTarget(['dir']),
    publish: 'never',
    config: {
      electronDist: dist,
      electronVersion: electronVersion(),
      directories: { output: join(workDir, 'dist') },
      // A missing production dependency fails the pack instead of a warning in its log.
      allowMissingDependencies: false,
      afterPack: async (context: AfterPackContext) => {
        appOutDir = context.appOutDir;
        const helper = new LinuxTargetHelper(context.packager);
        desktopEntry = await helper.computeDesktopEntry(context.packager.platformSpecificBuildOptions);
        icons = await helper.icons;
      },
    },
  });
  return { appOutDir, desktopEntry, icons };
}
