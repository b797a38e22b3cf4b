// The headless host over real sockets: the contract over WebSocket (validated, token- and
// origin-checked, surviving garbage) and media over HTTP with Range.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../../../src/main/core/core.ts';
import { startHost, type RunningHost } from '../../../src/main/host/server.ts';
import { hasFfmpeg, makeAudioFile } from '../../support/audio.ts';
import { testCore } from '../../support/core.ts';
import { tempDir } from '../../support/temp.ts';

function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function request(socket: WebSocket, message: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const reply = JSON.parse(data.toString()) as Record<string, unknown>;
      if ('event' in reply) return;
      socket.off('message', onMessage);
      resolve(reply);
    };
    socket.on('message', onMessage);
    socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

describe.skipIf(!hasFfmpeg)('headless host', () => {
  const dir = tempDir();
  let core: Core;
  let host: RunningHost;
  let base: string;

  beforeAll(async () => {
    const music = join(dir.path, 'music');
    await makeAudioFile(join(music, 'a.mp3'), 'mp3', { title: 'Alpha', artist: 'Tester' }, 3);
    const renderer = join(dir.path, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    core = testCore(join(dir.path, 'catalog.sqlite'));
    await core.addRoot(music);
    await core.scanner.start().done;
    host = await startHost({ core, rendererDir: renderer });
    base = `http://127.0.0.1:${host.port}`;
  });
  afterAll(async () => {
    await host?.close();
    await core?.close();
    dir.cleanup();
  });

  it('answers contract commands over the socket', async () => {
    const socket = await connect(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, { Origin: base });
    const reply = await request(socket, { id: 1, name: 'library.tracks', input: { offset: 0, limit: 10 } });
    expect(reply).toMatchObject({ id: 1, ok: true, value: { total: 1, rows: [{ title: 'Alpha', artist: 'Tester' }] } });
    socket.close();
  });

  it('answers malformed messages with an error and carries on', async () => {
    const socket = await connect(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
    expect(await request(socket, 'not json {')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await request(socket, { id: 2, name: 'library.tracks', input: { offset: 'x' } })).toMatchObject({
      id: 2,
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await request(socket, { id: 3, name: 'no.such', input: {} })).toMatchObject({
      id: 3,
      ok: false,
      error: { code: 'UNKNOWN_COMMAND' },
    });
    expect(await request(socket, { id: 4, name: 'app.info', input: {} })).toMatchObject({ id: 4, ok: true });
    socket.close();
  });

  it('refuses a socket without the token or from another origin', async () => {
    await expect(connect(`ws://127.0.0.1:${host.port}/api?token=wrong`)).rejects.toThrow(/403|Unexpected/);
    await expect(
      connect(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, { Origin: 'http://evil.example' }),
    ).rejects.toThrow(/403|Unexpected/);
  });

  it('serves media with ranges, and only tracks of the catalog with the token', async () => {
    const whole = await fetch(`${base}/media/1?token=${host.token}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/mpeg');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    const size = Number(whole.headers.get('content-length'));
    expect((await whole.arrayBuffer()).byteLength).toBe(size);

    const part = await fetch(`${base}/media/1?token=${host.token}`, { headers: { Range: 'bytes=100-' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-${size - 1}/${size}`);
    expect((await part.arrayBuffer()).byteLength).toBe(size - 100);

    const beyond = await fetch(`${base}/media/1?token=${host.token}`, { headers: { Range: `bytes=${size}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${size}`);

    const etag = whole.headers.get('etag')!;
    const cached = await fetch(`${base}/media/1?token=${host.token}`, { headers: { 'If-None-Match': etag } });
    expect(cached.status).toBe(304);

    expect((await fetch(`${base}/media/1?token=nope`)).status).toBe(403);
    expect((await fetch(`${base}/media/999?token=${host.token}`)).status).toBe(404);
    expect((await fetch(`${base}/media/..%2F..%2Fetc%2Fpasswd?token=${host.token}`)).status).toBe(404);
    expect((await fetch(`${base}/media/track/1/../../2?token=${host.token}`)).status).toBe(404);
  });

  it('serves the renderer and nothing outside it', async () => {
    expect((await fetch(`${base}/`)).status).toBe(200);
    expect((await fetch(`${base}/%2e%2e/catalog.sqlite`)).status).toBe(404);
  });

  it('refuses a token of the right length with a non-ASCII character, and stays up', async () => {
    const twisted = encodeURIComponent(`é${host.token.slice(1)}`);
    expect((await fetch(`${base}/media/1?token=${twisted}`)).status).toBe(403);
    await expect(connect(`ws://127.0.0.1:${host.port}/api?token=${twisted}`)).rejects.toThrow(/403|Unexpected/);
    const socket = await connect(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
    expect(await request(socket, { id: 5, name: 'app.info', input: {} })).toMatchObject({ id: 5, ok: true });
    socket.close();
  });

  it('answers a malformed percent escape with 400, not 500', async () => {
    expect((await fetch(`${base}/%ff`)).status).toBe(400);
    expect((await fetch(`${base}/assets/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${base}/`)).status).toBe(200);
  });
});
