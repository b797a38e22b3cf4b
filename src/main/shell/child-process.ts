import { utilityProcess } from 'electron';
import type { ProcessOptions, ProcessTransport, SpawnProcess } from '../core/threads/child-process.ts';
import { forwardStderr } from '../core/log.ts';
import { THREADPOOL_SIZE } from '../core/threadpool.ts';

/** The bundle's processes (the parser, the analysis) as Electron utilityProcesses: off the main process, crash-isolated. */
export const utilityProcessSpawn: SpawnProcess = <In, Out>(
  entry: string,
  { name, args = [], execArgv = [] }: ProcessOptions,
): ProcessTransport<In, Out> => {
  const child = utilityProcess.fork(entry, args, {
    serviceName: `Tonearm ${name}`,
    execArgv,
    // stdout as ours; stderr through us, so the log file has it too.
    stdio: ['ignore', 'inherit', 'pipe'],
    env: { ...process.env, UV_THREADPOOL_SIZE: THREADPOOL_SIZE },
  });
  if (child.stderr) forwardStderr(`${name} process`, child.stderr);
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: unknown) => listener(message as Out)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => {
      child.kill();
    },
    get pid() {
      return child.pid;
    },
  };
};
