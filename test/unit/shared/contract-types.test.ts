// The compiler is the test here: `npm run typecheck` fails if a command can go unhandled.
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../src/main/core/api/handlers.ts';
import { commandNames } from '../../../src/shared/contract.ts';

describe('the contract', () => {
  it('makes an unhandled command a compile error', () => {
    // @ts-expect-error every command of the contract needs a handler
    const incomplete: Handlers = { 'app.info': () => ({ version: '', dataDir: '', dbPath: '', host: 'browser' }) };
    expect(Object.keys(incomplete).length).toBeLessThan(commandNames.length);
  });
  it('makes a handler with the wrong output a compile error', () => {
    const wrong: Pick<Handlers, 'library.roots'> = {
      // @ts-expect-error library.roots returns Root[]
      'library.roots': () => 42,
    };
    expect(wrong).toBeDefined();
  });
});
