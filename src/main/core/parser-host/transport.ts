import { fork } from 'node:child_process';
import type { FromParser, ToParser } from '../../common/parse-protocol.ts';
import { forwardStderr } from '../log.ts';
import { THREADPOOL_SIZE } from '../threadpool.ts';

/** How the host reaches a parser process: a utilityProcess in the app, a child process elsewhere. */
export interface ParserTransport {
  send(message: ToParser): void;
  onMessage(listener: (message: FromParser) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
  readonly pid: number | undefined;
}

export type SpawnParser = () => ParserTransport;

/** The parser as a Node child process: the CLI, the headless host and the tests. */
export function childProcessParser(entry: string, execArgv: string[] = []): SpawnParser {
  return () => {
    const child = fork(entry, [], {
      serialization: 'advanced',
      execArgv,
      env: { ...process.env, UV_THREADPOOL_SIZE: THREADPOOL_SIZE },
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    forwardStderr('parser process', child.stderr!);
    return {
      send: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', (message) => listener(message as FromParser)),
      onExit: (listener) => child.on('exit', (code) => listener(code)),
      kill: () => child.kill('SIGKILL'),
      get pid() {
        return child.pid;
      },
    };
  };
}
