// The media handler that the app's protocol.handle and the headless host share: byte ranges,
// content types and conditional requests answered exactly, and nothing served that is not a
// track of the catalog inside its library folder.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core.ts';
import { insideRoot, parseMediaTarget } from '../../src/main/core/media/router.ts';
import { startHost, type RunningHost } from '../../src/main/host/server.ts';
import type { Format } from '../support/audio.ts';
import { hasFfmpeg, makeAudioFile } from '../support/audio.ts';
import { testCore } from '../support/core.ts';
import { tempDir } from '../support/temp.ts';

const TYPES: Record<Format, string> = {
  mp3: 'audio/mpeg',
  flac: 'audio/flac',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  opus: 'audio/ogg; codecs=opus',
  wav: 'audio/wav',
};

describe.skipIf(!hasFfmpeg)('media handler', () => {
  const dir = tempDir();
  const music = join(dir.path, 'music');
  const elsewhere = join(dir.path, 'elsewhere');
  let core: Core;
  let host: RunningHost;
  const idOf = new Map<string, number>();

  const get = (id: number, headers: Record<string, string> = {}, method = 'GET') =>
    core.media.handle(new Request(`http://x/media/${id}`, { method, headers }), { kind: 'track', id });
  const bytesOf = (name: string) => new Uint8Array(readFileSync(join(music, name)));

  beforeAll(async () => {
    for (const format of Object.keys(TYPES) as Format[]) {
      await makeAudioFile(join(music, `tone.${format}`), format, { title: format }, 1);
    }
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'secret.mp3'), 'not for you');
    core = testCore(join(dir.path, 'catalog.sqlite'));
    await core.addRoot(music);
    await core.scanner.start().done;
    for (const row of core.catalog.tracks.page(0, 100)) idOf.set(row.path.split('/').pop()!, row.id);
    expect(idOf.size).toBe(6);
    host = await startHost({ core, rendererDir: dir.path });
  });
  afterAll(async () => {
    await host?.close();
    await core?.close();
    dir.cleanup();
  });

  it('serves each format whole, with its content type and length', async () => {
    for (const [format, type] of Object.entries(TYPES)) {
      const name = `tone.${format}`;
      const response = await get(idOf.get(name)!);
      expect(response.status, name).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('accept-ranges')).toBe('bytes');
      expect(response.headers.get('content-length')).toBe(String(bytesOf(name).length));
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytesOf(name));
    }
  });

  it('answers byte ranges with 206, Content-Range and exactly those bytes', async () => {
    const id = idOf.get('tone.flac')!;
    const file = bytesOf('tone.flac');
    const size = file.length;
    const cases: [string, number, number][] = [
      ['bytes=0-0', 0, 0],
      ['bytes=100-199', 100, 199],
      ['bytes=1000-', 1000, size - 1],
      ['bytes=-500', size - 500, size - 1],
      [`bytes=${size - 10}-${size + 5000}`, size - 10, size - 1],
      ['bytes=10-19, 30-39', 10, 39],
    ];
    for (const [range, start, end] of cases) {
      const response = await get(id, { Range: range });
      expect(response.status, range).toBe(206);
      expect(response.headers.get('content-range'), range).toBe(`bytes ${start}-${end}/${size}`);
      expect(response.headers.get('content-length'), range).toBe(String(end - start + 1));
      expect(new Uint8Array(await response.arrayBuffer()), range).toEqual(file.subarray(start, end + 1));
    }
  });

  it('refuses a range past the end with 416, and ignores one it cannot read', async () => {
    const id = idOf.get('tone.flac')!;
    const size = bytesOf('tone.flac').length;
    const beyond = await get(id, { Range: `bytes=${size}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${size}`);
    for (const range of ['bytes=50-10', 'items=0-5', 'bytes=abc']) {
      const response = await get(id, { Range: range });
      expect(response.status, range).toBe(200);
      expect(response.headers.get('content-length')).toBe(String(size));
      await response.body?.cancel();
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await get(idOf.get('tone.mp3')!, { Range: 'bytes=0-99' }, 'HEAD');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-length')).toBe('100');
    expect(response.body).toBeNull();
    expect((await get(idOf.get('tone.mp3')!, {}, 'POST')).status).toBe(405);
  });

  it('honours conditional headers', async () => {
    const id = idOf.get('tone.ogg')!;
    const first = await get(id);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    await first.body?.cancel();
    const size = bytesOf('tone.ogg').length;
    const status = async (headers: Record<string, string>) => {
      const response = await get(id, headers);
      await response.body?.cancel();
      return response.status;
    };
    expect(await status({ 'If-None-Match': etag })).toBe(304);
    expect(await status({ 'If-None-Match': `"other", W/${etag}` })).toBe(304);
    expect(await status({ 'If-None-Match': '"other"' })).toBe(200);
    expect(await status({ 'If-Modified-Since': lastModified })).toBe(304);
    expect(await status({ 'If-Modified-Since': new Date(Date.parse(lastModified) - 60_000).toUTCString() })).toBe(200);
    // If-Range: the range while the validator still names this file, else the whole file.
    expect(await status({ Range: 'bytes=0-9', 'If-Range': etag })).toBe(206);
    expect(await status({ Range: 'bytes=0-9', 'If-Range': '"stale"' })).toBe(200);
    expect(await status({ Range: 'bytes=0-9', 'If-Range': `W/${etag}` })).toBe(200);
    expect(await status({ Range: 'bytes=0-9', 'If-Range': lastModified })).toBe(206);
    expect(await status({ Range: 'bytes=0-9', 'If-Range': new Date(0).toUTCString() })).toBe(200);
    // Preconditions: a client writing to a file it no longer has gets 412.
    expect(await status({ 'If-Match': etag })).toBe(200);
    expect(await status({ 'If-Match': '"stale"' })).toBe(412);
    expect(await status({ 'If-Unmodified-Since': new Date(0).toUTCString() })).toBe(412);
    const whole = await get(id, { Range: 'bytes=0-9', 'If-Range': '"stale"' });
    expect(whole.headers.get('content-length')).toBe(String(size));
    await whole.body?.cancel();
  });

  it('refuses ids that are not tracks of the catalog', async () => {
    expect((await get(999_999)).status).toBe(404);
    expect((await core.media.handle(new Request('http://x/'), null)).status).toBe(404);
  });

  it('refuses a catalog row that points outside its library folder', async () => {
    const rootId = core.catalog.roots.list()[0]!.id;
    const insert = core.catalog.db.prepare(
      `INSERT INTO tracks (root_id, path, size, mtime_ns, title, added_at, scanned_at) VALUES (?, ?, 11, 0, 'x', 0, 0)`,
    );
    const escaped = Number(insert.run(rootId, `${music}/../elsewhere/secret.mp3`).lastInsertRowid);
    const outside = Number(insert.run(rootId, join(elsewhere, 'secret.mp3')).lastInsertRowid);
    expect((await get(escaped)).status).toBe(404);
    expect((await get(outside)).status).toBe(404);
    expect(insideRoot('/music/a/b.mp3', '/music')).toBe(true);
    expect(insideRoot('/music/../etc/passwd', '/music')).toBe(false);
    expect(insideRoot('/musicals/b.mp3', '/music')).toBe(false);
    expect(insideRoot('/music', '/music')).toBe(false);
    expect(insideRoot('relative/b.mp3', '/music')).toBe(false);
  });

  it('refuses a track whose file is gone or whose folder is offline', async () => {
    const gone = join(music, 'gone.mp3');
    await makeAudioFile(gone, 'mp3', { title: 'gone' }, 1);
    await core.scanner.start().done;
    const id = core.catalog.tracks.page(0, 100).find((row) => row.path === gone)!.id;
    expect((await get(id)).status).toBe(200);
    rmSync(gone);
    expect((await get(id)).status).toBe(404);
    mkdirSync(gone);
    expect((await get(id)).status).toBe(404);
    rmSync(gone, { recursive: true });

    const flac = idOf.get('tone.flac')!;
    core.catalog.db.prepare('UPDATE roots SET online = 0').run();
    expect((await get(flac)).status).toBe(404);
    core.catalog.db.prepare('UPDATE roots SET online = 1').run();
    expect((await get(flac)).status).toBe(200);
  });

  it('takes only a track id or a cover hash from a URL', async () => {
    expect(parseMediaTarget('/7', new URLSearchParams())).toEqual({ kind: 'track', id: 7 });
    expect(parseMediaTarget('track/7', new URLSearchParams())).toEqual({ kind: 'track', id: 7 });
    for (const path of ['/../7', '/7/..', '/%2e%2e/7', '/7.mp3', '/-7', '/cover/../../etc', '/etc/passwd', '']) {
      expect(parseMediaTarget(path, new URLSearchParams()), path).toBeNull();
    }
    const base = `http://127.0.0.1:${host.port}`;
    const token = host.token;
    const mp3 = idOf.get('tone.mp3')!;
    expect((await fetch(`${base}/media/${mp3}?token=${token}`, { headers: { Range: 'bytes=0-3' } })).status).toBe(206);
    for (const path of [
      `/media/..%2F..%2Fetc%2Fpasswd`,
      `/media/%2e%2e%2f${mp3}`,
      `/media/${encodeURIComponent(join(music, 'tone.mp3'))}`,
      `/media/track/${mp3}%00`,
      `/media/${mp3}/..%2f..%2fcatalog.sqlite`,
    ]) {
      expect((await fetch(`${base}${path}?token=${token}`)).status, path).toBe(404);
    }
    expect((await fetch(`${base}/media/${mp3}`)).status).toBe(403);
    expect(statSync(join(dir.path, 'catalog.sqlite')).isFile()).toBe(true);
  });
});
