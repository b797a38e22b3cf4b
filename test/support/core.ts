import { fileURLToPath } from 'node:url';
import { Core, type CoreOptions } from '../../src/main/core/core.ts';

/** The parser entry from source: tests run the real parser process, as the CLI does. */
export const PARSER_ENTRY = fileURLToPath(new URL('../../src/main/parser/index.ts', import.meta.url));

export function testCore(dbPath: string, options: Partial<CoreOptions> = {}): Core {
  return new Core({ dbPath, host: 'browser', version: 'test', parserEntry: PARSER_ENTRY, workers: 2, ...options });
}
