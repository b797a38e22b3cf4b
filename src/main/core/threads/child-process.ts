// A child process of the engine's bundle (the parser, the audio analysis): a Node child process
// here, an Electron utilityProcess in the app, whose shell passes its own SpawnProcess.
import { fork, type Serializable } from 'node:child_process';
import { forwardStderr, log } from '../log.ts';
import { THREADPOOL_SIZE } from '../threadpool.ts';

/** How the main process reaches a child process, whichever started it. */
export interface ProcessTransport<In = unknown, Out = unknown> {
  send(message: In): void;
  onMessage(listener: (message: Out) => void): void;
  /** code: null when a signal ended it. */
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
  readonly pid: number | undefined;
  /** Whether the child keeps this process alive (a Node child; the app lives by its windows instead). */
  ref?(keepAlive: boolean): void;
}

export interface ProcessOptions {
  /** As the log and the OS's process list name it: 'parser', 'analysis'. */
  name: string;
  args?: string[];
  /** Node's flags for the child (heap sizes). */
  execArgv?: string[];
}

export type SpawnProcess = <In, Out>(entry: string, options: ProcessOptions) => ProcessTransport<In, Out>;

/** A Node child process: the CLI, the headless host and the tests. */
export const forkProcess: SpawnProcess = <In, Out>(
  entry: string,
  { name, args = [], execArgv = [] }: ProcessOptions,
): ProcessTransport<In, Out> => {
  const child = fork(entry, args, {
    serialization: 'advanced',
    execArgv,
    env: { ...process.env, UV_THREADPOOL_SIZE: THREADPOOL_SIZE },
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  forwardStderr(`${name} process`, child.stderr!);
  // Unheard, a failed spawn or send would end this process; its exit is what the owner acts on.
  child.on('error', (err) => log.error(`tonearm: the ${name} process: ${err.message}`));
  return {
    send: (message) => {
      if (child.connected) child.send(message as Serializable);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as Out)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => child.kill('SIGKILL'),
    get pid() {
      return child.pid;
    },
    ref: (keepAlive) => {
      // The IPC channel and the stderr pipe hold the event loop as much as the child itself.
      const handles = [child, child.channel, child.stderr as unknown as { ref(): void; unref(): void } | null];
      for (const handle of handles) {
        if (keepAlive) handle?.ref();
        else handle?.unref();
      }
    },
  };
};
