// The parser process talks to its host over whatever started it: Electron's utilityProcess
// (process.parentPort) in the app, or a Node child process (process.send) elsewhere.
import type { FromParser, ToParser } from '../common/parse-protocol.ts';

interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export interface ParentChannel {
  send(message: FromParser): void;
  onMessage(listener: (message: ToParser) => void): void;
}

export function parentChannel(): ParentChannel {
  const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data as ToParser)),
    };
  }
  if (!process.send) throw new Error('The parser process must be started by a parser host');
  // The host is gone (it crashed, or was killed): nobody will read our results.
  process.on('disconnect', () => process.exit(0));
  return {
    send: (message) => process.send!(message),
    onMessage: (listener) => process.on('message', (message) => listener(message as ToParser)),
  };
}
