// The one media handler behind the app's protocol.handle and the headless host's /media:
// web-standard Request in, Response out, with Range, conditional requests and streaming.
import type { ByteSource } from './byte-source.ts';
import { audioContentType } from './content-type.ts';
import { parseRange } from './range.ts';

export interface MediaFile {
  path: string;
  size: number;
  mtimeMs: number;
  source: ByteSource;
}

export function etagOf(file: Pick<MediaFile, 'size' | 'mtimeMs'>): string {
  return `"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
}

function notModified(request: Request, etag: string, mtimeMs: number): boolean {
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch) return ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
  const ifModifiedSince = request.headers.get('if-modified-since');
  if (ifModifiedSince) {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
  }
  return false;
}

/** If-Range: honour the Range only while the client's validator still matches the file. */
function rangeStillValid(request: Request, etag: string, mtimeMs: number): boolean {
  const ifRange = request.headers.get('if-range');
  if (!ifRange) return true;
  if (ifRange.startsWith('"') || ifRange.startsWith('W/')) return ifRange === etag;
  const date = Date.parse(ifRange);
  return !Number.isNaN(date) && Math.floor(mtimeMs / 1000) * 1000 <= date;
}

export function serveMedia(request: Request, file: MediaFile): Response {
  const etag = etagOf(file);
  const base: Record<string, string> = {
    'Accept-Ranges': 'bytes',
    'Content-Type': audioContentType(file.path),
    ETag: etag,
    'Last-Modified': new Date(file.mtimeMs).toUTCString(),
    'Cache-Control': 'no-cache',
  };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
  }
  if (notModified(request, etag, file.mtimeMs)) return new Response(null, { status: 304, headers: base });

  const range = rangeStillValid(request, etag, file.mtimeMs)
    ? parseRange(request.headers.get('range'), file.size)
    : ({ kind: 'none' } as const);
  if (range.kind === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...base, 'Content-Range': `bytes */${file.size}` } });
  }
  const [start, end, status] = range.kind === 'range' ? [range.start, range.end, 206] : [0, file.size - 1, 200];
  const headers: Record<string, string> = { ...base, 'Content-Length': String(Math.max(0, end - start + 1)) };
  if (status === 206) headers['Content-Range'] = `bytes ${start}-${end}/${file.size}`;
  if (request.method === 'HEAD' || file.size === 0) return new Response(null, { status, headers });
  return new Response(file.source.stream(start, end, request.signal), { status, headers });
}

export function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
}
