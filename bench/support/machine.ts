import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';

/** One line naming the machine and the moment, for the top of a benchmark's results. */
export function machineLine(): string {
  let os: string = process.platform;
  try {
    os = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os;
  } catch {
    // not Linux
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${os} · ${cpus().length} cores (${cpu}) · ${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version}`;
}

/** The load averages over 1, 5 and 15 minutes, as a benchmark notes them before and after. */
export function loadAverages(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}
