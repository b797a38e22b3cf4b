import { utilityProcess } from 'electron';
import type { FromParser } from '../common/parse-protocol.ts';
import type { SpawnParser } from '../core/parser-host/transport.ts';
import { forwardStderr } from '../core/log.ts';
import { THREADPOOL_SIZE } from '../core/threadpool.ts';

/** The parser as an Electron utilityProcess: off the main process, crash-isolated. */
export function utilityProcessParser(entry: string): SpawnParser {
  return () => {
    const child = utilityProcess.fork(entry, [], {
      serviceName: 'Tonearm parser',
      // stdout as ours; stderr through us, so the log file has it too.
      stdio: ['ignore', 'inherit', 'pipe'],
      env: { ...process.env, UV_THREADPOOL_SIZE: THREADPOOL_SIZE },
    });
    if (child.stderr) forwardStderr('parser process', child.stderr);
    return {
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', (message: unknown) => listener(message as FromParser)),
      onExit: (listener) => child.on('exit', (code) => listener(code)),
      kill: () => {
        child.kill();
      },
      get pid() {
        return child.pid;
      },
    };
  };
}
