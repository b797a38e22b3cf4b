// CPU spent on one analysis: this thread's, plus the children's (ffmpeg) where the system says
// (Linux: /proc/self/stat's cutime + cstime, counted when a child is reaped; with analyses running
// side by side in one process a child may be counted against the other one).
import { readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on every Linux ABI Node runs on

function childrenMs(): number {
  if (process.platform !== 'linux') return 0;
  try {
    const stat = readFileSync('/proc/self/stat', 'latin1');
    // Fields after the command (which may hold spaces) start at the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
  } catch {
    return 0;
  }
}

function threadMs(): number {
  const usage = process.threadCpuUsage ? process.threadCpuUsage() : process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Starts a meter; calling the result gives the CPU milliseconds since. */
export function cpuMeter(): () => number {
  const thread = threadMs();
  const children = childrenMs();
  return () => threadMs() - thread + (childrenMs() - children);
}
