// The zones in eslint.config.js: the engine never imports the parser process, and the parser
// never the engine; what both need lives in src/main/common.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd });

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint zones', () => {
  it('refuses an import from src/main/parser into src/main/core/catalog', async () => {
    const errors = await importErrors(
      'src/main/core/catalog/probe.ts',
      "import type { ParsedTrack } from '../../parser/tags.ts';",
    );
    expect(errors).toEqual([expect.stringContaining('may not import from src/main/parser')]);
  });

  it('refuses an import from src/main/core into the parser, and allows src/main/common to both', async () => {
    expect(await importErrors('src/main/parser/probe.ts', "import '../core/catalog/catalog.ts';")).toHaveLength(1);
    expect(await importErrors('src/main/parser/probe.ts', "import '../common/share-errors.ts';")).toEqual([]);
    expect(await importErrors('src/main/core/catalog/probe.ts', "import '../../common/parse-protocol.ts';")).toEqual(
      [],
    );
    expect(await importErrors('src/main/core/probe.ts', "import '../shell/index.ts';")).toHaveLength(1);
  });
});
