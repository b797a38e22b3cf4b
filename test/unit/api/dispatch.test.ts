import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/core/api/dispatch.ts';
import type { Handlers } from '../../../src/main/core/api/handlers.ts';
import { TonearmError } from '../../../src/shared/result.ts';

const handlers = {
  'app.info': () => ({ version: '1', dataDir: '/d', dbPath: '/d/c', host: 'browser' }),
  'library.tracks': ({ offset, limit }: { offset: number; limit: number }) => ({ total: offset + limit, rows: [] }),
  'library.removeRoot': () => {
    throw new TonearmError('NOT_FOUND', 'No library folder 7');
  },
  'library.roots': () => {
    throw new Error('boom');
  },
} as unknown as Handlers;

describe('dispatch', () => {
  it('runs a valid command', async () => {
    expect(await dispatch(handlers, 'library.tracks', { offset: 10, limit: 5 })).toEqual({
      ok: true,
      value: { total: 15, rows: [] },
    });
  });
  it('refuses an unknown command without calling anything', async () => {
    const result = await dispatch(handlers, 'library.dropTables', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
  });
  it('refuses malformed input with a readable message', async () => {
    for (const input of [{ offset: -1, limit: 5 }, { offset: 0, limit: 1e9 }, { offset: '0', limit: 5 }, 'x', [1]]) {
      const result = await dispatch(handlers, 'library.tracks', input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('BAD_INPUT');
        expect(result.error.message).toContain('library.tracks');
      }
    }
  });
  it('refuses unknown fields', async () => {
    const result = await dispatch(handlers, 'app.info', { evil: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
  it('turns thrown errors into coded results', async () => {
    expect(await dispatch(handlers, 'library.removeRoot', { rootId: 7 })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No library folder 7' },
    });
    const original = console.error;
    console.error = () => {};
    try {
      expect(await dispatch(handlers, 'library.roots', {})).toEqual({
        ok: false,
        error: { code: 'INTERNAL', message: 'boom' },
      });
    } finally {
      console.error = original;
    }
  });
});
