// The parser process's messages to and from its host, over the port that started it.
import type { FromParser, ToParser } from '../common/parse-protocol.ts';
import { parentProcessPort } from '../common/parent-port.ts';

export interface ParentChannel {
  send(message: FromParser): void;
  onMessage(listener: (message: ToParser) => void): void;
}

export function parentChannel(): ParentChannel {
  const port = parentProcessPort();
  return {
    send: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (message) => listener(message as ToParser)),
  };
}
