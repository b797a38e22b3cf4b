// Installs the Debian packages the tests need (chromium for the end-to-end suite, ffmpeg for
// generated audio, sshfs and openssh-server for the network-share tests) when they are missing and we may; otherwise says exactly what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needed = [
  { pkg: 'chromium', present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') },
  { pkg: 'ffmpeg', present: () => spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0 },
  // The network-share tests run on ../shared/nas: sshfs and an SSH server.
  { pkg: 'sshfs', present: () => existsSync('/usr/bin/sshfs') },
  { pkg: 'openssh-server', present: () => existsSync('/usr/sbin/sshd') },
  ...process.argv
    .slice(2)
    .map((pkg) => ({ pkg, present: () => spawnSync('dpkg', ['-s', pkg], { stdio: 'ignore' }).status === 0 })),
];
const missing = needed.filter((tool) => !tool.present()).map((tool) => tool.pkg);
if (missing.length === 0) process.exit(0);

const canApt = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
if (!canApt) {
  console.error(
    `Missing system packages: ${missing.join(', ')}. Install them (e.g. sudo apt-get install -y ${missing.join(' ')}).`,
  );
  process.exit(1);
}
console.error(`Installing ${missing.join(', ')} with apt-get…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
