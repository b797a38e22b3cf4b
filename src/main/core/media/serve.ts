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
  /** When the bytes are not the file's own (a transcoded track): their type. */
  contentType?: string;
}

export function etagOf(file: Pick<MediaFile, 'size' | 'mtimeMs'>): string {
  return `"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
}

const secondsOf = (ms: number): number => Math.floor(ms / 1000) * 1000;
const tagsOf = (header: string): string[] => header.split(',').map((tag) => tag.trim());
const opaque = (tag: string): string => (tag.startsWith('W/') ? tag.slice(2) : tag);

/** If-Match / If-Unmodified-Since (RFC 9110 §13.1.1, §13.1.4): false means 412. */
function preconditionsHold(request: Request, etag: string, mtimeMs: number): boolean {
  const ifMatch = request.headers.get('if-match');
  // If-Match uses the strong comparison: a weak tag never matches.
  if (ifMatch) return tagsOf(ifMatch).some((tag) => tag === '*' || tag === etag);
  const ifUnmodifiedSince = request.headers.get('if-unmodified-since');
  if (ifUnmodifiedSince) {
    const since = Date.parse(ifUnmodifiedSince);
    return Number.isNaN(since) || secondsOf(mtimeMs) <= since;
  }
  return true;
}

/** If-None-Match (weak comparison), else If-Modified-Since. */
function notModified(request: Request, etag: string, mtimeMs: number): boolean {
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch) return tagsOf(ifNoneMatch).some((tag) => tag === '*' || opaque(tag) === etag);
  const ifModifiedSince = request.headers.get('if-modified-since');
  if (ifModifiedSince) {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && secondsOf(mtimeMs) <= since;
  }
  return false;
}

/**
 * If-Range: honour the Range only while the client's validator still names this file. An
 * entity tag must match strongly, a date exactly (§13.1.5), else the client gets it whole.
 */
function rangeStillValid(request: Request, etag: string, mtimeMs: number): boolean {
  const ifRange = request.headers.get('if-range');
  if (!ifRange) return true;
  if (ifRange.startsWith('"') || ifRange.startsWith('W/')) return ifRange === etag;
  const date = Date.parse(ifRange);
  return !Number.isNaN(date) && secondsOf(mtimeMs) === date;
}

export function serveMedia(request: Request, file: MediaFile): Response {
  const etag = etagOf(file);
  const base: Record<string, string> = {
    'Accept-Ranges': 'bytes',
    'Content-Type': file.contentType ?? audioContentType(file.path),
    ETag: etag,
    'Last-Modified': new Date(file.mtimeMs).toUTCString(),
    'Cache-Control': 'no-cache',
  };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
  }
  if (!preconditionsHold(request, etag, file.mtimeMs)) return new Response(null, { status: 412, headers: base });
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
