import type { FromParser, ToParser } from '../../common/parse-protocol.ts';
import { forkProcess, type ProcessTransport } from '../threads/child-process.ts';

/** How the host reaches a parser process: a utilityProcess in the app, a child process elsewhere. */
export type ParserTransport = ProcessTransport<ToParser, FromParser>;

export type SpawnParser = () => ParserTransport;

/** The parser as a child process of the bundle's entry, started by `spawn` (a Node child by default). */
export function childProcessParser(entry: string, execArgv: string[] = [], spawn = forkProcess): SpawnParser {
  return () => spawn<ToParser, FromParser>(entry, { name: 'parser', execArgv });
}
