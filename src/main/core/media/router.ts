import { stat } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import type { FormatSupport } from '../../../shared/domain.ts';
import type { Catalog } from '../catalog/index.ts';
import type { ChunkCache } from '../cache/chunk-cache.ts';
import { fileSource } from './byte-source.ts';
import { findFfmpeg } from './ffmpeg.ts';
import { formatName, playsNatively } from './native-formats.ts';
import { transcodedSource } from './transcode.ts';
import { wavLayout } from './wav-layout.ts';
import { notFound, serveMedia } from './serve.ts';
import { serveCover, type CoverSize } from './covers.ts';

export type MediaTarget = { kind: 'track'; id: number } | { kind: 'cover'; hash: string; size: CoverSize };

/** Parses the path part after the transport's prefix: `track/<id>` or `cover/<hash>?size=thumb`. */
export function parseMediaTarget(pathname: string, search: URLSearchParams): MediaTarget | null {
  const track = /^\/?(?:track\/)?(\d{1,15})$/.exec(pathname);
  if (track) return { kind: 'track', id: Number(track[1]) };
  const cover = /^\/?cover\/([0-9a-f]{40})$/.exec(pathname);
  if (cover)
    return {
      kind: 'cover',
      hash: cover[1]!,
      size: search.get('size') === 'thumb' ? 'thumb' : 'full',
    };
  return null;
}

/**
 * Even a path the catalog holds is served only inside its library folder: a row written by a
 * bug or by hand (`/music/../etc/passwd`) must not turn the handler into a file server.
 */
export function insideRoot(path: string, rootPath: string): boolean {
  if (path.includes('\0') || !isAbsolute(path) || !isAbsolute(rootPath)) return false;
  const rel = relative(rootPath, path);
  return rel !== '' && !isAbsolute(rel) && rel.split(/[\\/]/)[0] !== '..';
}

/**
 * Serves only what the catalog names: a track id that is in the catalog and available, or a
 * cover hash. No path ever comes from the URL, so `..` tricks have nothing to work on.
 */
export class MediaRouter {
  private readonly catalog: Catalog;
  private readonly coversDir: string;
  private readonly cache: ChunkCache | null;
  private readonly ffmpeg: string | null;

  constructor(catalog: Catalog, coversDir: string, cache: ChunkCache | null = null, ffmpeg = findFfmpeg()) {
    this.catalog = catalog;
    this.coversDir = coversDir;
    this.cache = cache;
    this.ffmpeg = ffmpeg;
  }

  /** For Settings: how many tracks play only through ffmpeg, and whether it is here. */
  formatSupport(): FormatSupport {
    let needFfmpeg = 0;
    const formats = new Map<string, number>();
    for (const group of this.catalog.tracks.formatGroups()) {
      const track = { path: `x${group.ext}`, codec: group.codec, container: group.container };
      if (playsNatively(track)) continue;
      needFfmpeg += group.count;
      const name = formatName(track);
      formats.set(name, (formats.get(name) ?? 0) + group.count);
    }
    const byCount = [...formats].sort((a, b) => b[1] - a[1]).map(([name]) => name);
    return { ffmpeg: this.ffmpeg !== null, needFfmpeg, formats: byCount };
  }

  async handle(request: Request, target: MediaTarget | null): Promise<Response> {
    if (!target) return notFound();
    if (target.kind === 'cover') return serveCover(request, this.coversDir, target.hash, target.size);
    const requestedAt = performance.now();
    const file = this.catalog.tracks.file(target.id);
    if (!file || !insideRoot(file.path, file.rootPath)) return notFound();
    const audio = this.catalog.tracks.audio(target.id);
    if (audio && !playsNatively({ path: file.path, ...audio })) {
      return this.transcoded(request, file.path, file.available, { path: file.path, ...audio });
    }
    // A track under a network root is read through the chunk cache, which also plays what it
    // holds of it while the share is offline (when the catalog calls the track unavailable).
    const root = this.cache ? this.catalog.cache.rootState(file.rootId) : null;
    if (this.cache && root?.kind === 'network' && (file.available || !root.online)) {
      const cached = await this.cache.open(file.path, file.rootId, root, requestedAt);
      return cached ? serveMedia(request, { path: file.path, ...cached }) : notFound();
    }
    if (!file.available) return notFound();
    let info;
    try {
      info = await stat(file.path);
    } catch {
      return notFound();
    }
    if (!info.isFile()) return notFound();
    return serveMedia(request, {
      path: file.path,
      size: info.size,
      mtimeMs: info.mtimeMs,
      source: fileSource(file.path),
    });
  }

  /** A format Chromium cannot decode, served as WAV from ffmpeg; without ffmpeg, refused with why. */
  private async transcoded(
    request: Request,
    path: string,
    available: boolean,
    audio: NonNullable<ReturnType<Catalog['tracks']['audio']>> & { path: string },
  ): Promise<Response> {
    if (!available) return notFound();
    const layout = wavLayout(audio);
    if (!this.ffmpeg) return refused(`this format (${formatName(audio)}) needs ffmpeg, which is not installed`);
    if (!layout)
      return refused(
        `the length of this ${formatName(audio)} file is unknown (it may be damaged), so ffmpeg cannot convert it`,
      );
    let info;
    try {
      info = await stat(path);
    } catch {
      return notFound();
    }
    const response = serveMedia(request, {
      path,
      size: layout.size,
      mtimeMs: info.mtimeMs,
      source: transcodedSource(this.ffmpeg, path, layout),
      contentType: 'audio/wav',
    });
    if (!response.body) return response;
    // The status goes out before the body: wait for ffmpeg's first bytes, so a file it cannot
    // decode is refused with why rather than cut off as a network error.
    const reader = response.body.getReader();
    let first: Awaited<ReturnType<typeof reader.read>>;
    try {
      first = await reader.read();
    } catch {
      return refused(`ffmpeg could not decode this ${formatName(audio)} file (it may be damaged)`);
    }
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        if (first.done) return controller.close();
        controller.enqueue(first.value);
      },
      pull: async (controller) => {
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(body, { status: response.status, headers: response.headers });
  }
}

/** 415 with the reason as plain text: the player shows it as is. */
function refused(reason: string): Response {
  return new Response(reason, { status: 415, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
