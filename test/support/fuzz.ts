// Seeded hostile input for the host's fuzz test: the same seed gives the same cases, so a
// failure can be replayed by its seed and case number.

/** mulberry32: small, fast, good enough to pick cases. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Fuzz {
  readonly random: () => number;
  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  int(below: number): number {
    return Math.floor(this.random() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  string(): string {
    return this.pick<() => string>([
      () => '',
      () => 'x'.repeat(this.pick([1, 255, 4096, 70_000])),
      () => this.pick(['../../etc/passwd', '..\\..\\boot.ini', '/', '/proc', '/nonexistent/music', 'relative/dir']),
      () => this.pick(['\0', 'a\0b', '%00', '%ff', '%E0%A4%A', '%', '%%', '%2e%2e%2f']),
      () => this.pick(['é', '日本語', '\u202e', '\ud800', '🎵'.repeat(50), '\r\n', '<script>']),
      () => this.pick(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']),
      () => String.fromCharCode(...Array.from({ length: this.int(40) }, () => this.int(0x3000))),
    ])();
  }

  number(): number {
    return this.pick([0, -1, 1, 2, 1.5, -0, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, Number.MAX_SAFE_INTEGER + 2]);
  }

  /** Any JSON value, favouring the shapes inputs have (objects with the contract's usual keys). */
  value(depth = 0): unknown {
    const kinds: (() => unknown)[] = [() => null, () => this.chance(0.5), () => this.number(), () => this.string()];
    if (depth < 4) {
      kinds.push(
        () => Array.from({ length: this.int(5) }, () => this.value(depth + 1)),
        () => this.object(depth + 1),
        () => this.object(depth + 1),
      );
    }
    return this.pick(kinds)();
  }

  object(depth = 0): Record<string, unknown> {
    const keys = [
      'offset',
      'limit',
      'rootId',
      'rootIds',
      'trackId',
      'ids',
      'path',
      'key',
      'value',
      'query',
      'sort',
      'albumId',
      'artistId',
      'kind',
      'watch',
      'spec',
      'viewId',
      'since',
      'playingId',
      'upNextId',
      'ms',
      'acceptLosses',
      'queue',
      'position',
      '__proto__',
      'constructor',
    ];
    const object: Record<string, unknown> = {};
    for (let i = this.int(5); i > 0; i--) {
      Object.defineProperty(object, this.pick(keys), {
        value: this.value(depth),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return object;
  }
}

/** Text for the search box's language and SQLite's FTS behind it, quotes and operators half-closed. */
const QUERY_BITS = [
  'artist:"',
  'year:1..',
  'year:..',
  'year:9999999999999999999..-1',
  'genre:',
  '"',
  '((',
  ')',
  '*',
  '-',
  '^',
  'NEAR(',
  'AND',
  'OR',
  'NOT',
  ':',
  'title:*',
  '"a" "b',
  '\\',
  "'",
  '%',
  '_',
  '\0',
  'é*',
  'rating:>',
  'added:<',
];

/** Inputs a handler accepts in shape, with hostile values where the schema lets them through. */
export function validShaped(fuzz: Fuzz, settingKeys: readonly string[]): { name: string; input: unknown } {
  const text = () =>
    Array.from({ length: 1 + fuzz.int(4) }, () => (fuzz.chance(0.6) ? fuzz.pick(QUERY_BITS) : fuzz.string()))
      .join(fuzz.pick([' ', '', '  ']))
      .slice(0, 500);
  const path = () =>
    fuzz.pick([fuzz.string(), `/${fuzz.string()}`, '/..', '/a/../../', '/\0', '//']).slice(0, 4096) || '/';
  const big = () => fuzz.pick([1, 2, 999_999, 2 ** 31, Number.MAX_SAFE_INTEGER]);
  const sort = { field: 'title', desc: fuzz.chance(0.5) };
  return fuzz.pick<() => { name: string; input: unknown }>([
    () => ({ name: 'views.search', input: { text: text(), sort, limit: 1 + fuzz.int(2000) } }),
    () => ({
      name: 'views.open',
      input: { spec: { kind: 'tracks', filter: { type: 'search', text: text() }, sort }, limit: 50 },
    }),
    () => ({
      name: 'views.open',
      input: { spec: { kind: 'tracks', filter: { type: 'folder', path: path() }, sort }, limit: 50, offset: big() },
    }),
    () => ({ name: 'views.window', input: { snapshotId: big(), offset: big() - 1, limit: 1 + fuzz.int(2000) } }),
    () => ({ name: 'views.ids', input: { snapshotId: big(), offset: big() - 1, limit: 1_000_000 } }),
    () => ({ name: 'library.folders', input: { path: fuzz.chance(0.2) ? null : path() } }),
    () => ({ name: 'library.addRoot', input: { path: path() } }),
    () => ({ name: 'library.album', input: { albumId: big() } }),
    () => ({ name: 'library.artist', input: { artistId: big() } }),
    () => ({ name: 'library.changesSince', input: { version: big() - 1 } }),
    () => ({ name: 'library.tracks', input: { offset: big() - 1, limit: 1 + fuzz.int(2000) } }),
    () => ({ name: 'library.tracksByIds', input: { ids: Array.from({ length: fuzz.int(50) }, big) } }),
    () => ({ name: 'library.showInFolder', input: { trackId: big() } }),
    () => ({ name: 'settings.set', input: { key: fuzz.pick(settingKeys), value: fuzz.value() } }),
    () => ({ name: 'cache.hint', input: { playingId: big(), upNextId: null } }),
    () => ({ name: 'playback.recordSkip', input: { trackId: big() } }),
  ])();
}

/** `[[[…]]]` nested this deep, as text: JSON.stringify of such a value would itself overflow. */
export function deepJson(depth: number, open = '[', close = ']'): string {
  return `${open.repeat(depth)}${close.repeat(depth)}`;
}

/** What a stack trace or a source path looks like in a reply: nothing of it may reach a client. */
export const LEAK = /\n\s+at |node:internal|\/src\/main\/|\.ts:\d+|Error: .*\n/;
