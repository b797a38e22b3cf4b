// The parser process on real files: a parse that never returns (here, a named pipe with an
// audio file's name, whose open blocks until someone writes to it) is stopped at its deadline
// and reported against that file alone; every other file of its batch is still parsed.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ParserHost } from '../../../src/main/core/parser-host/parser-host.ts';
import { childProcessParser } from '../../../src/main/core/parser-host/transport.ts';
import type { ParseResult } from '../../../src/main/common/parse-protocol.ts';
import { PARSER_ENTRY } from '../../support/core.ts';
import { tempDir } from '../../support/temp.ts';

/** A short silent 16-bit stereo WAV, tagged by nothing but its name. */
function wav(path: string): number {
  const frames = 4410;
  const data = frames * 4;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(2, 22);
  header.writeUInt32LE(44100, 24);
  header.writeUInt32LE(44100 * 4, 28);
  header.writeUInt16LE(4, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data, 40);
  writeFileSync(path, Buffer.concat([header, Buffer.alloc(data)]));
  return header.length + data;
}

describe.skipIf(process.platform !== 'linux')('the parser watchdog', () => {
  const dir = tempDir();
  const album = join(dir.path, 'album');
  const pipe = join(album, '05 never answers.wav');
  afterAll(() => {
    // Let the stuck thread's open return, so nothing outlives the test.
    try {
      closeSync(openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // no reader left: nothing to release
    }
    dir.cleanup();
  });

  it('stops a parse that hangs, fails that file alone and parses the rest of its batch', async () => {
    mkdirSync(album, { recursive: true });
    const files = Array.from({ length: 20 }, (_, i) => {
      const path = join(album, `${String(i + 1).padStart(2, '0')} track.wav`);
      return { path, size: wav(path), network: false, folderCover: null };
    });
    execFileSync('mkfifo', [pipe]);
    files.splice(4, 0, { path: pipe, size: 0, network: false, folderCover: null });

    const host = new ParserHost(childProcessParser(PARSER_ENTRY), {
      coversDir: join(dir.path, 'covers'),
      workers: 1,
      timeoutMs: 1500,
      networkConcurrency: 4,
    });
    const results: ParseResult[] = [];
    const started = Date.now();
    try {
      await host.parse(files, (result) => results.push(result));
    } finally {
      await host.close();
    }

    expect(Date.now() - started, 'stopped within a couple of seconds of its deadline').toBeLessThan(6000);
    const hung = results.filter((result) => !result.ok);
    expect(hung).toEqual([
      expect.objectContaining({
        path: pipe,
        ok: false,
        failure: 'timeout',
        error: expect.stringMatching(/longer than/),
      }),
    ]);
    const parsed = results.filter((result) => result.ok).map((result) => result.path);
    expect(parsed.sort()).toEqual(
      files
        .filter((file) => file.path !== pipe)
        .map((file) => file.path)
        .sort(),
    );
  }, 20_000);
});
