// The host under seeded hostile input: WebSocket frames (garbage, huge, deeply nested, wrong
// types, unknown commands, prototype keys, binary), tokens and HTTP requests (traversal, NUL,
// bad escapes, very long paths, bad Range headers). Every case gets an answer (4xx at worst,
// never a stack trace), nothing is left unhandled, and afterwards the host still serves.
// Replay a failure with FUZZ_SEED=<seed>.
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { commandNames } from '../../../src/shared/contract.ts';
import type { Core } from '../../../src/main/core/core.ts';
import { startHost, type RunningHost } from '../../../src/main/host/server.ts';
import { hasFfmpeg, makeAudioFile } from '../../support/audio.ts';
import { testCore } from '../../support/core.ts';
import { settingKeys } from '../../../src/shared/settings.ts';
import { deepJson, Fuzz, LEAK, validShaped } from '../../support/fuzz.ts';
import { tempDir } from '../../support/temp.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const SOCKET_CASES = 1000;
const HTTP_CASES = 1000;
const CASE_MS = 3000;

interface RawReply {
  status: number;
  text: string;
}

/**
 * One request as raw bytes, so nothing in a client library tidies the hostile parts away.
 * The socket stays open for writing (a half-closed client gets no answer from Node's server),
 * and the host's `Connection: close` ends it; an upgrade it accepted is ended here.
 */
function rawHttp(port: number, head: string): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${CASE_MS} ms to ${JSON.stringify(head.slice(0, 200))}`));
    }, CASE_MS);
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      if (text.startsWith('HTTP/1.1 101 ') && text.includes('\r\n\r\n')) socket.destroy();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
    socket.write(head);
  });
}

function openSocket(port: number, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends one frame; resolves with its reply, or null when the host closed the socket instead. */
function exchange(socket: WebSocket, frame: string | Buffer, binary: boolean): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const done = (value: string | null) => {
      clearTimeout(timer);
      socket.off('message', onMessage);
      socket.off('close', onClose);
      resolve(value);
    };
    const onMessage = (data: WebSocket.RawData) => {
      const text = data.toString();
      if (!text.startsWith('{"event"')) done(text);
    };
    const onClose = () => done(null);
    const timer = setTimeout(() => {
      socket.off('message', onMessage);
      socket.off('close', onClose);
      reject(new Error(`no reply within ${CASE_MS} ms to ${JSON.stringify(String(frame).slice(0, 200))}`));
    }, CASE_MS);
    socket.on('message', onMessage);
    socket.on('close', onClose);
    socket.send(frame, { binary });
  });
}

/** A lone surrogate cannot be escaped: it goes raw, which is hostile too. */
function escaped(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}

describe.skipIf(!hasFfmpeg)('the host under hostile input', () => {
  const dir = tempDir();
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  let core: Core;
  let host: RunningHost;

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    const music = join(dir.path, 'music');
    await makeAudioFile(join(music, 'a.mp3'), 'mp3', { title: 'Alpha' }, 2);
    const renderer = join(dir.path, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(renderer, 'assets', 'app.js'), 'export {};');
    core = testCore(join(dir.path, 'catalog.sqlite'));
    await core.addRoot(music);
    await core.scanner.start().done;
    host = await startHost({ core, rendererDir: renderer });
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await host?.close();
    await core?.close();
    dir.cleanup();
  });

  it('answers every hostile frame with an error, and keeps serving', { timeout: 60_000 }, async () => {
    const fuzz = new Fuzz(SEED);
    const names = [...commandNames, 'no.such', '', '__proto__', 'constructor', 'toString'];
    const frames: (() => { frame: string | Buffer; binary?: boolean })[] = [
      () => ({ frame: JSON.stringify({ id: fuzz.int(1000), ...validShaped(fuzz, settingKeys) }) }),
      () => ({ frame: JSON.stringify({ id: fuzz.int(1000), ...validShaped(fuzz, settingKeys) }) }),
      () => ({ frame: JSON.stringify({ id: fuzz.int(1000), ...validShaped(fuzz, settingKeys) }) }),
      () => ({ frame: fuzz.string() }),
      () => ({ frame: JSON.stringify(fuzz.value()) }),
      () => ({ frame: JSON.stringify({ id: fuzz.int(1000), name: fuzz.pick(names), input: fuzz.object() }) }),
      () => ({ frame: JSON.stringify({ id: fuzz.int(1000), name: fuzz.pick(names), input: fuzz.value() }) }),
      () => ({ frame: JSON.stringify({ id: fuzz.value(), name: fuzz.value(), input: fuzz.value() }) }),
      () => ({
        frame: `{"id":1,"name":"${fuzz.pick(names)}","input":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}`,
      }),
      () => ({
        frame: `{"id":2,"name":"${fuzz.pick(names)}","input":${deepJson(fuzz.pick([100, 5000, 200_000]))}}`,
      }),
      () => {
        const depth = fuzz.pick([100, 3000, 50_000]);
        return { frame: `{"id":3,"name":"${fuzz.pick(names)}","input":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}` };
      },
      () => ({ frame: Buffer.from(Array.from({ length: fuzz.int(64) }, () => fuzz.int(256))), binary: true }),
      () => ({
        frame: `{"id":4,"name":"library.tracks","input":{"offset":0,"limit":10},"x":"${'y'.repeat(fuzz.pick([10, 1024 * 1024 + 10]))}"}`,
      }),
    ];
    let socket = await openSocket(host.port, host.token);
    try {
      for (let n = 0; n < SOCKET_CASES; n++) {
        const { frame, binary = false } = fuzz.pick(frames)();
        const reply = await exchange(socket, frame, binary);
        const where = `seed ${SEED}, case ${n}: ${String(frame).slice(0, 120)}`;
        if (reply === null) {
          // Only a frame over the size limit may cost the client its socket.
          expect(Buffer.byteLength(frame), where).toBeGreaterThan(1024 * 1024);
          socket = await openSocket(host.port, host.token);
          continue;
        }
        expect(reply, where).not.toMatch(LEAK);
        const parsed = JSON.parse(reply) as { ok: boolean; error?: { code: string } };
        expect(typeof parsed.ok, where).toBe('boolean');
        if (!parsed.ok) expect(parsed.error!.code, where).not.toBe('INTERNAL');
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(
        await exchange(
          socket,
          JSON.stringify({ id: 9, name: 'library.tracks', input: { offset: 0, limit: 5 } }),
          false,
        ),
      ).toMatch(/^\{"id":9,"ok":true,"value":\{"total":1,/);
    } finally {
      socket.close();
    }
    expect(unhandled).toEqual([]);
  });

  it('answers every hostile request with 4xx at worst, and keeps serving', { timeout: 60_000 }, async () => {
    const fuzz = new Fuzz(SEED + 1);
    const token = () =>
      fuzz.pick([
        host.token,
        host.token,
        '',
        'wrong',
        encodeURIComponent(`é${host.token.slice(1)}`),
        'x'.repeat(fuzz.pick([100, 10_000])),
        '%ff',
        '%00',
        `${host.token}%00`,
      ]);
    const segment = () =>
      fuzz.pick([
        '1',
        '999999',
        '0',
        '-1',
        'abc',
        '1.5',
        '9'.repeat(40),
        'track/1',
        'track/../../1',
        'cover/' + '0'.repeat(40),
        'cover/' + 'g'.repeat(40),
        '..%2F..%2Fetc%2Fpasswd',
        '%2e%2e/%2e%2e/etc/passwd',
        '%00',
        '1%00',
        '%ff',
        '%',
        'x'.repeat(fuzz.pick([300, 20_000])),
        escaped(fuzz.string()).slice(0, 5000),
      ]);
    const path = () =>
      fuzz.pick([
        () => `/media/${segment()}?token=${token()}${fuzz.chance(0.2) ? '&size=thumb' : ''}`,
        () => `/${segment()}`,
        () => `/assets/${segment()}`,
        () => `/../../${segment()}`,
        () => `//${segment()}`,
        () => `/api?token=${token()}`,
        () => '*',
        () => `http://evil.example/media/1?token=${token()}`,
        () => `/?token=${token()}`,
      ])();
    const range = () =>
      fuzz.pick([
        'bytes=0-',
        'bytes=100-50',
        'bytes=-0',
        'bytes=-99999999999999999999',
        'bytes=abc',
        'bytes=',
        'bytes=0-1,2-3,' + '4-5,'.repeat(fuzz.int(2000)),
        'bits=0-10',
        'bytes=1e3-',
        'bytes=0x10-',
        'bytes=99999999999999999999-',
        '\u00ff\u00fe',
      ]);
    for (let n = 0; n < HTTP_CASES; n++) {
      const method = fuzz.pick(['GET', 'GET', 'GET', 'HEAD', 'POST', 'OPTIONS', 'DELETE', 'BREW']);
      const headers = ['Host: 127.0.0.1', 'Connection: close'];
      if (fuzz.chance(0.5)) headers.push(`Range: ${range()}`);
      if (fuzz.chance(0.1)) headers.push(`If-None-Match: ${fuzz.pick(['*', '"x"', 'W/"', ''])}`);
      if (fuzz.chance(0.1)) headers.push('Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Version: 13');
      if (fuzz.chance(0.05)) headers.push('Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==');
      const head = `${method} ${path()} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`;
      const reply = await rawHttp(host.port, head);
      const where = `seed ${SEED + 1}, case ${n}: ${head.slice(0, 160)}`;
      expect(reply.text, where).not.toMatch(LEAK);
      // 0: the host closed without a word, which only an upgrade it refused may do.
      if (reply.status === 0) expect(head, where).toMatch(/Upgrade: websocket/);
      else expect(reply.status, where).toBeLessThan(500);
    }
    expect((await fetch(`http://127.0.0.1:${host.port}/media/1?token=${host.token}`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${host.port}/`)).status).toBe(200);
    expect(unhandled).toEqual([]);
  });
});
