#!/usr/bin/env node
// Entry of the `tonearm` command. Tonearm needs Node >= 22.22; on an older system Node it
// re-runs itself with the Node that npm installed into the project (the `node` devDependency).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 22)) {
  const localNode = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(localNode)) {
    process.stderr.write(`tonearm: needs Node >= 22.22 (this is ${process.version}); run npm install first\n`);
    process.exit(1);
  }
  const run = spawnSync(localNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

// `serve` lives long and relays every view through its main thread: V8 would grow that
// isolate's young generation to 32 MB, 90 MB of resident memory at 250k tracks for no gain in
// speed (docs/benchmarks.md, issue 16). A heap's shape is fixed when the process starts, so
// serve starts once more with the flag, in place (same process id, no wrapper left behind).
const SERVE_HEAP_FLAGS = ['--max-semi-space-size=2'];
if (
  process.argv[2] === 'serve' &&
  typeof process.execve === 'function' &&
  !SERVE_HEAP_FLAGS.every((flag) => process.execArgv.includes(flag))
) {
  const script = fileURLToPath(import.meta.url);
  process.execve(process.execPath, [
    process.execPath,
    ...process.execArgv,
    ...SERVE_HEAP_FLAGS,
    script,
    ...process.argv.slice(2),
  ]);
}

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('tonearm: the build is missing; run `npm run build` (npm install does it)\n');
  process.exit(1);
}
await import(cli.href);
