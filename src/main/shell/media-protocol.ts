import { protocol } from 'electron';
import { MEDIA_SCHEME } from '../../shared/contract.ts';
import type { Core } from '../core/core.ts';
import { parseMediaTarget } from '../core/media/router.ts';

/**
 * Must run before the app is ready. `stream` lets <audio> receive partial content, and
 * with `standard` + `secure` + `supportFetchAPI` the scheme behaves like https for the page.
 * `corsEnabled`: the player fetch()es tracks to decode them and routes <audio> through Web
 * Audio, both cross-origin from the file:// page; without it Electron refuses the fetch and
 * Web Audio hears silence from the element.
 */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: MEDIA_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
    },
  ]);
}

// Only this app's pages can reach the scheme at all, so any origin may read what it serves.
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Content-Range, Content-Length, Accept-Ranges, ETag, Last-Modified',
};

function withCors(response: Response): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(CORS_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Serves tonearm-media://track/<id> and tonearm-media://cover/<hash> with the current core's handler. */
export function handleMediaScheme(core: () => Core | null): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          ...CORS_HEADERS,
          'Access-Control-Allow-Methods': 'GET, HEAD',
          'Access-Control-Allow-Headers': 'Range, If-Range, If-None-Match, If-Modified-Since',
          'Access-Control-Max-Age': '86400',
        },
      });
    }
    const url = new URL(request.url);
    // No Core while the catalog is damaged or being restored (see CoreSlot).
    const media = core()?.media;
    if (!media) return withCors(new Response('No catalog is open', { status: 503 }));
    return withCors(await media.handle(request, parseMediaTarget(`${url.host}${url.pathname}`, url.searchParams)));
  });
}
