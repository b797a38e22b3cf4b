import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The parser's entry file: src/main/parser/index.ts when running from source (tests), else
 * out/main/parser.js, found relative to wherever the bundler put this module.
 */
export function parserEntry(): string {
  const candidates = import.meta.url.endsWith('.ts') ? ['../parser/index.ts'] : ['./parser.js', '../parser.js'];
  const paths = candidates.map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
  return paths.find((path) => existsSync(path)) ?? paths[0]!;
}
