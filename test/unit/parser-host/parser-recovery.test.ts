// The parser host when the whole parser process dies (a native crash, the out-of-memory
// killer): whichever file killed it fails alone, every other file still gets its result.
// A stand-in process parses nothing; it answers each file in turn and dies on chosen ones.
import { describe, expect, it } from 'vitest';
import { ParserHost } from '../../../src/main/core/parser-host/parser-host.ts';
import type { ParserTransport, SpawnParser } from '../../../src/main/core/parser-host/transport.ts';
import type { FromParser, ParseRequestFile, ParseResult } from '../../../src/main/common/parse-protocol.ts';

interface Deaths {
  /** Paths the process dies on, every time it meets them. */
  poisoned: Set<string>;
  /** The process dies once, for no file's fault, after this many answers in all. */
  dieOnceAfter?: number;
}

function standIn(deaths: Deaths, spawned: { count: number }): SpawnParser {
  let answered = 0;
  return (): ParserTransport => {
    spawned.count++;
    let listener: (message: FromParser) => void = () => {};
    const exits: ((code: number | null) => void)[] = [];
    const queue: ParseRequestFile[] = [];
    let dead = false;
    let working = false;
    const die = () => {
      if (dead) return;
      dead = true;
      setImmediate(() => exits.forEach((exit) => exit(134)));
    };
    const work = async () => {
      working = true;
      while (queue.length > 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (dead) return;
        const file = queue.shift()!;
        if (deaths.poisoned.has(file.path)) return die();
        if (deaths.dieOnceAfter !== undefined && answered === deaths.dieOnceAfter) {
          deaths.dieOnceAfter = undefined;
          return die();
        }
        answered++;
        const result: ParseResult = {
          path: file.path,
          job: file.job,
          ok: false,
          identity: null,
          error: 'parsed',
          failure: 'format',
        };
        listener({ type: 'results', results: [result] });
      }
      working = false;
      listener({ type: 'idle' });
    };
    return {
      send(message) {
        if (dead) return;
        if (message.type === 'init') setImmediate(() => !dead && listener({ type: 'ready', workers: 2 }));
        if (message.type === 'parse') {
          queue.push(...message.files);
          if (!working) void work();
        }
        if (message.type === 'shutdown') die();
      },
      onMessage: (next) => (listener = next),
      onExit: (exit) => void exits.push(exit),
      kill: die,
      pid: 1,
    };
  };
}

async function parseAll(count: number, deaths: Deaths) {
  const spawned = { count: 0 };
  const host = new ParserHost(standIn(deaths, spawned), {
    coversDir: '/nowhere',
    workers: 2,
    timeoutMs: 20_000,
    networkConcurrency: 4,
  });
  const files = Array.from({ length: count }, (_, i) => ({
    path: `/music/${i}.flac`,
    size: 1,
    network: false,
    folderCover: null,
  }));
  const results = new Map<string, ParseResult[]>();
  await host.parse(files, (result) => results.set(result.path, [...(results.get(result.path) ?? []), result]));
  await host.close();
  const crashed = [...results.values()].flat().filter((result) => !result.ok && result.failure === 'crash');
  return { files, results, crashed: crashed.map((result) => result.path).sort(), spawned: spawned.count };
}

describe('the parser host after the parser process dies', () => {
  it('fails the one file that kills the process, and parses the 999 others', async () => {
    const { files, results, crashed, spawned } = await parseAll(1000, { poisoned: new Set(['/music/700.flac']) });
    expect(crashed).toEqual(['/music/700.flac']);
    expect(files.every((file) => results.get(file.path)?.length === 1)).toBe(true);
    // The first run, the groups after it, then halving one group of 64 down to one file.
    expect(spawned).toBeLessThanOrEqual(1 + 1 + 7 + 1);
  });

  it('finds two such files, in one group or in two', async () => {
    for (const poisoned of [
      ['/music/10.flac', '/music/20.flac'],
      ['/music/10.flac', '/music/900.flac'],
    ]) {
      const { files, results, crashed } = await parseAll(1000, { poisoned: new Set(poisoned) });
      expect(crashed).toEqual([...poisoned].sort());
      expect(files.every((file) => results.get(file.path)?.length === 1)).toBe(true);
    }
  });

  it('fails nothing when the process died for no file’s fault', async () => {
    const { files, results, crashed } = await parseAll(500, { poisoned: new Set(), dieOnceAfter: 123 });
    expect(crashed).toEqual([]);
    expect(files.every((file) => results.get(file.path)?.length === 1)).toBe(true);
  });
});
