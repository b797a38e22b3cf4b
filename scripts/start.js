// `npm start`: the desktop app when the Electron binary is available; where it cannot be
// (no display, or a machine that cannot download it), the same app in a browser via the
// headless host, whose URL is printed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronDir = `${root}node_modules/electron`;

function electronBinary() {
  const pathFile = `${electronDir}/path.txt`;
  if (!existsSync(pathFile)) return null;
  const binary = `${electronDir}/dist/${readFileSync(pathFile, 'utf8').trim()}`;
  return existsSync(binary) ? binary : null;
}

function tryDownloadElectron() {
  const result = spawnSync(process.execPath, [`${electronDir}/install.js`], { stdio: 'inherit', timeout: 120_000 });
  return result.status === 0 ? electronBinary() : null;
}

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const binary = hasDisplay ? (electronBinary() ?? tryDownloadElectron()) : null;

const run = (command, args) => {
  const child = spawn(command, args, { stdio: 'inherit', cwd: root });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
};

if (binary) {
  run(process.execPath, [`${root}node_modules/electron-vite/bin/electron-vite.js`, 'preview']);
} else {
  console.error(
    hasDisplay
      ? 'The Electron binary is not available (it could not be downloaded): starting Tonearm in your browser instead.'
      : 'No display: starting Tonearm in your browser instead (open the URL below).',
  );
  run(process.execPath, [`${root}bin/tonearm.js`, 'serve', ...process.argv.slice(2)]);
}
