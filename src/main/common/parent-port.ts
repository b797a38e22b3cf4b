// A child process of the bundle talks to the main process over whatever started it: Electron's
// utilityProcess (process.parentPort) in the app, or a Node child process (process.send) elsewhere.
export interface ParentPort {
  on(event: 'message', listener: (message: unknown) => void): void;
  /** What a thread would hand over is copied: a process has nothing to transfer to. */
  postMessage(message: unknown): void;
}

interface UtilityParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export function parentProcessPort(): ParentPort {
  const utility = (process as unknown as { parentPort?: UtilityParentPort }).parentPort;
  if (utility) {
    return {
      on: (_event, listener) => utility.on('message', (event) => listener(event.data)),
      postMessage: (message) => utility.postMessage(message),
    };
  }
  if (!process.send) throw new Error('This process must be started by Tonearm');
  // The main process is gone (it crashed, or was killed): nobody will read what we send.
  process.on('disconnect', () => process.exit(0));
  return {
    on: (_event, listener) => void process.on('message', listener),
    postMessage: (message) => void process.send!(message),
  };
}
